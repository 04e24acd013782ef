import { randomUUID } from 'node:crypto';
import type { Identity } from '@bianmin/kit';
import { loadLicences } from '@bianmin/licences/bulk';
import type { Platform } from './platform.js';

/** A resident's draft, ready to submit: what the submit request needs. */
export interface ReadyDraft {
  id: string;
  version: number;
  token: string;
}

const ITEM = `query Item($code: String!) { serviceItemByCode(code: $code) { id } }`;
const START = `mutation Start($itemId: ID!) {
  startApplication(itemId: $itemId) {
    ok error { code message }
    application { id version materials { id required fromLicenceType } }
  }
}`;
const SAVE = `mutation Save($id: ID!, $version: Int!, $input: ApplicationDraftInput!) {
  saveApplicationDraft(id: $id, expectedVersion: $version, input: $input) {
    ok error { code message field }
    application { id version }
  }
}`;

interface Outcome<T> {
  ok: boolean;
  error: { code: string; message: string } | null;
  application: T | null;
}

/**
 * `count` drafts for `itemCode`, one per synthetic resident (a resident has at most one open
 * draft per item), each with the resident's consent to use their 居民身份证 licence for every
 * licence-backed required material, so that submitting it succeeds. Made through affairs'
 * GraphQL API in process (not measured), `parallel` at a time.
 */
export async function prepareDrafts(
  platform: Platform,
  itemCode: string,
  count: number,
  parallel = 8,
): Promise<ReadyDraft[]> {
  const item = await platform.catalog.execute<{ serviceItemByCode: { id: string } | null }>(ITEM, {
    code: itemCode,
  });
  const itemId = item.data?.serviceItemByCode?.id;
  if (!itemId) throw new Error(`${itemCode} is not in the catalog`);
  const drafts: ReadyDraft[] = [];
  const residents: Identity[] = Array.from({ length: count }, () => ({
    accountId: randomUUID(),
    personId: randomUUID(),
    roles: ['resident'],
  }));
  // Each holds a 居民身份证, issued through the licences domain's bulk path, so affairs finds it.
  await loadLicences(
    platform.licencesOrm,
    platform.licences.services,
    residents.map((resident, i) => ({
      id: randomUUID(),
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: resident.personId!,
      holder: {
        name: '测试居民（模拟）',
        idType: 'RESIDENT_ID_CARD',
        idNumber: `3399001990${String(i).padStart(8, '0')}`,
        dateOfBirth: '1990-01-01',
      },
      fields: { sex: '男', ethnicity: '汉', address: '云湖市（模拟）' },
      issueDate: '2020-01-01',
    })),
  );
  let taken = 0;
  const one = async () => {
    const resident = residents[taken++]!;
    const started = await platform.affairs.execute<{
      startApplication: Outcome<{
        id: string;
        version: number;
        materials: { id: string; required: boolean; fromLicenceType: string | null }[];
      }>;
    }>(START, { itemId }, resident);
    const draft = started.data?.startApplication.application;
    if (!draft) throw new Error(`startApplication failed: ${JSON.stringify(started)}`);
    const useLicenceFor = draft.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id);
    const saved = await platform.affairs.execute<{ saveApplicationDraft: Outcome<{ version: number }> }>(
      SAVE,
      { id: draft.id, version: draft.version, input: { useLicenceFor } },
      resident,
    );
    const version = saved.data?.saveApplicationDraft.application?.version;
    if (!version) throw new Error(`saveApplicationDraft failed: ${JSON.stringify(saved)}`);
    drafts.push({ id: draft.id, version, token: await platform.token(resident) });
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next += 1;
        await one();
      }
    }),
  );
  return drafts;
}
