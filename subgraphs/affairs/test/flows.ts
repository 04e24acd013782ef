import { expect } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { data, MZ_STAFF, RESIDENT, type AffairsFixture } from './setup.js';

// Operations and steps the application tests share: start, provide materials, submit, accept.

export const ERROR = 'error { code message field }';
export const APP = `id reference state version assigneeAccountId assignedToMe escalatedAt canRate
  extension { status workingDays reason decisionComment }
  deadline { date status workingDaysLeft }
  materials { id required fromLicenceType source fileCount files { id fileName contentType size downloadUrl } }
  rating { score scoreLabel rectification { status response } }`;
export const ITEM = `query ($code: String!) { serviceItemByCode(code: $code) { id } }`;
export const START = `mutation ($itemId: ID!) { startApplication(itemId: $itemId) { ok ${ERROR} application { ${APP} } } }`;
export const SAVE = `mutation ($id: ID!, $v: Int!, $input: ApplicationDraftInput!) { saveApplicationDraft(id: $id, expectedVersion: $v, input: $input) { ok ${ERROR} application { ${APP} } } }`;
export const ACT = `mutation ($id: ID!, $v: Int!, $action: String!, $input: ApplicationActionInput) { actOnApplication(id: $id, expectedVersion: $v, action: $action, input: $input) { ok ${ERROR} application { ${APP} } } }`;
export const UPLOAD = `mutation ($id: ID!, $m: ID!, $n: String!, $t: String!, $s: Int!) { requestMaterialUpload(id: $id, materialId: $m, fileName: $n, contentType: $t, size: $s) { ok ${ERROR} uploadUrl expiresAt } }`;
export const GET = `query ($id: ID!) { application(id: $id) { ${APP} } }`;

export interface AppData {
  id: string;
  reference: string;
  state: string;
  version: number;
  assigneeAccountId: string | null;
  assignedToMe: boolean;
  escalatedAt: string | null;
  canRate: boolean;
  extension: { status: string; workingDays: number } | null;
  deadline: { date: string; status: string; workingDaysLeft: number } | null;
  materials: {
    id: string;
    required: boolean;
    fromLicenceType: string | null;
    fileCount: number;
    files: { id: string; downloadUrl: string }[];
  }[];
  rating: { score: number; rectification: { status: string; response: string | null } | null } | null;
}
export type Outcome = {
  ok: boolean;
  error: { code: string; message: string; field: string | null } | null;
  application: AppData | null;
};
export type Call = Record<string, Outcome>;

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
let serial = 0;
export const applicant = (): Identity => {
  serial += 1;
  return { ...RESIDENT, personId: `00000000-0000-4000-9000-${String(serial).padStart(12, '0')}` };
};

export async function one(
  fx: AffairsFixture,
  query: string,
  vars: Record<string, unknown>,
  viewer: Identity,
): Promise<Outcome> {
  const result = await data<Call>(fx, query, vars, viewer);
  return Object.values(result)[0]!;
}

/** Listen on a free port once, so signed upload URLs work. */
export async function listening(fx: AffairsFixture) {
  if (!fx.affairs.services.publicUrl.includes('127.0.0.1')) {
    const port = await fx.affairs.listen(0, '127.0.0.1');
    fx.affairs.services.publicUrl = `http://127.0.0.1:${port}`;
  }
}

/** Upload a small PNG for a material through the signed URL, as the browser does. */
export async function uploadPng(fx: AffairsFixture, viewer: Identity, appId: string, materialId: string) {
  await listening(fx);
  const ticket = (
    await data<Record<string, { uploadUrl: string }>>(
      fx,
      UPLOAD,
      { id: appId, m: materialId, n: 'scan.png', t: 'image/png', s: PNG.length },
      viewer,
    )
  ).requestMaterialUpload!;
  const response = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    body: PNG,
    headers: { 'content-type': 'image/png' },
  });
  expect(response.status).toBe(201);
}

/** An application of `code` by `viewer`, every required material provided, submitted and accepted. */
export async function accepted(fx: AffairsFixture, viewer: Identity, code = 'MZ-004') {
  const item = (await fx.catalog.execute<{ serviceItemByCode: { id: string } }>(ITEM, { code })).data!
    .serviceItemByCode.id;
  let app = (await one(fx, START, { itemId: item }, viewer)).application!;
  for (const m of app.materials.filter((x) => x.required && !x.fromLicenceType))
    await uploadPng(fx, viewer, app.id, m.id);
  app = (await data<{ application: AppData }>(fx, GET, { id: app.id }, viewer)).application;
  const ids = app.materials.filter((m) => m.fromLicenceType && m.required).map((m) => m.id);
  // The applicant holds every licence the item asks for (the interim directory only knows the ID card).
  fx.licences[viewer.personId!] = app.materials
    .filter((m) => m.fromLicenceType && m.required)
    .map((m) => ({
      licenceId: `test:${m.fromLicenceType}`,
      typeCode: m.fromLicenceType!,
      status: 'VALID' as const,
      validUntil: null,
    }));
  app = (await one(fx, SAVE, { id: app.id, v: app.version, input: { useLicenceFor: ids } }, viewer))
    .application!;
  app = (await one(fx, ACT, { id: app.id, v: app.version, action: 'submit' }, viewer)).application!;
  return (await one(fx, ACT, { id: app.id, v: app.version, action: 'accept' }, MZ_STAFF)).application!;
}
