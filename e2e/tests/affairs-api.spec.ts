import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createTestDatabase } from '@bianmin/kit/testing';
import { DEMO, GATEWAY, gql, signIn } from './support/gateway.js';

// The whole lifecycle through the real gateway, with real tokens: a resident applies, 民政局 staff
// handle it, the resident rates it; then 补正, 挂起 and 延期 on a second application. Both on the
// suite's SQLite platform and on a PostgreSQL one. (Department and ownership rules are tested in
// subgraphs/affairs.)
const ERR = 'error { code message field }';
const APP =
  'id reference state version materials { id required fromLicenceType } availableActions { name } deadline { date clockStopped } extension { status workingDays }';

/** The lifecycle through the gateway at `gateway`, as the demo resident and 李办事. */
async function lifecycle(request: APIRequestContext, gateway: string) {
  const call = <T>(query: string, variables: object = {}, token?: string) =>
    gql<T>(request, query, variables, token, gateway);
  const resident = await signIn(request, DEMO.resident, gateway);
  const item = (
    await call<{ serviceItemByCode: { id: string } }>(`{ serviceItemByCode(code: "MZ-004") { id } }`)
  ).serviceItemByCode;
  type Result = {
    ok: boolean;
    error: unknown;
    application: {
      id: string;
      reference: string;
      state: string;
      version: number;
      materials: { id: string; required: boolean; fromLicenceType: string | null }[];
      availableActions: { name: string }[];
      deadline: { date: string; clockStopped: boolean } | null;
      extension: { status: string; workingDays: number } | null;
    };
  };
  /** A new draft of MZ-004 with the ID card from the resident's licence (零材料). */
  const draft = async () => {
    const started = (
      await call<{ startApplication: Result }>(
        `mutation ($i: ID!) { startApplication(itemId: $i) { ok ${ERR} application { ${APP} } } }`,
        { i: item.id },
        resident,
      )
    ).startApplication.application;
    const licences = started.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id);
    return (
      await call<{ saveApplicationDraft: Result }>(
        `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok ${ERR} application { ${APP} } } }`,
        { id: started.id, v: started.version, l: licences },
        resident,
      )
    ).saveApplicationDraft.application;
  };
  let app = await draft();
  const act = async (token: string, action: string, input?: object) => {
    const result = (
      await call<{ actOnApplication: Result }>(
        `mutation ($id: ID!, $v: Int!, $a: String!, $in: ApplicationActionInput) { actOnApplication(id: $id, expectedVersion: $v, action: $a, input: $in) { ok ${ERR} application { ${APP} } } }`,
        { id: app.id, v: app.version, a: action, in: input },
        token,
      )
    ).actOnApplication;
    expect(result.error).toBeNull();
    app = result.application;
  };
  await act(resident, 'submit');
  expect(app.state).toBe('SUBMITTED');

  const staff = await signIn(request, DEMO.staff, gateway);
  const inbox = (
    await call<{ applicationInbox: { edges: { node: { id: string } }[] } }>(
      `{ applicationInbox(first: 50) { edges { node { id } } } }`,
      {},
      staff,
    )
  ).applicationInbox;
  expect(inbox.edges.map((e) => e.node.id)).toContain(app.id);
  await act(staff, 'accept');
  await act(staff, 'startReview');
  await act(staff, 'approve', { comment: '材料齐全' });
  await act(staff, 'complete');
  expect(app.state).toBe('COMPLETED');

  const rated = (
    await call<{ rateApplication: { ok: boolean; rating: { scoreLabel: string } } }>(
      `mutation ($id: ID!) { rateApplication(id: $id, input: { score: 5, satisfaction: 5, efficiency: 5, guideAccuracy: 4, convenience: 5 }) { ok ${ERR} rating { scoreLabel } } }`,
      { id: app.id },
      resident,
    )
  ).rateApplication;
  expect(rated).toMatchObject({ ok: true, rating: { scoreLabel: '非常满意' } });
  const notes = (
    await call<{ myNotifications: { edges: { node: { kind: string; applicationId: string } }[] } }>(
      `{ myNotifications(first: 50) { edges { node { kind applicationId } } } }`,
      {},
      resident,
    )
  ).myNotifications;
  expect(notes.edges.filter((e) => e.node.applicationId === app.id).map((e) => e.node.kind)).toContain(
    'APPLICATION_STATUS',
  );

  // A second application: the 补正 loop, 挂起 and 延期.
  app = await draft();
  await act(resident, 'submit');
  await act(staff, 'accept');
  await act(staff, 'requestCorrection', {
    materialReasons: [{ materialId: app.materials[0]!.id, reason: '证件信息与婚姻登记档案不一致，请核对' }],
  });
  expect(app).toMatchObject({ state: 'RETURNED', deadline: { clockStopped: true } });
  await act(resident, 'resubmit');
  expect(app).toMatchObject({ state: 'ACCEPTED', deadline: { clockStopped: false } });
  await act(staff, 'suspend', { comment: '等待外省婚姻登记档案协查' });
  expect(app).toMatchObject({ state: 'SUSPENDED', deadline: { clockStopped: true } });
  await act(staff, 'resume');
  expect(app.state).toBe('ACCEPTED');
  const before = app.deadline!.date;
  const EXTENSION = `extension { status workingDays } deadline { date clockStopped } version`;
  const asked = (
    await call<{ requestExtension: { ok: boolean; application: Result['application'] } }>(
      `mutation ($id: ID!, $v: Int!) { requestExtension(id: $id, expectedVersion: $v, workingDays: 3, reason: "协查结果待复核") { ok ${ERR} application { ${EXTENSION} } } }`,
      { id: app.id, v: app.version },
      staff,
    )
  ).requestExtension;
  expect(asked).toMatchObject({ ok: true, application: { extension: { status: 'REQUESTED' } } });
  const supervisor = await signIn(request, DEMO.supervisor, gateway);
  const decided = (
    await call<{ decideExtension: { ok: boolean; application: Result['application'] } }>(
      `mutation ($id: ID!, $v: Int!) { decideExtension(id: $id, expectedVersion: $v, approve: true) { ok ${ERR} application { ${EXTENSION} } } }`,
      { id: app.id, v: asked.application.version },
      supervisor,
    )
  ).decideExtension;
  expect(decided).toMatchObject({
    ok: true,
    application: { extension: { status: 'APPROVED', workingDays: 3 } },
  });
  expect(decided.application.deadline!.date > before).toBe(true);
}

test('apply → accept → review → approve → complete → rate, then 补正, 挂起 and 延期, through the gateway (SQLite)', async ({
  request,
}) => {
  await lifecycle(request, GATEWAY);
});

/**
 * The same lifecycle on PostgreSQL: a second platform from the real entry point (scripts/start.ts)
 * on a fresh PostgreSQL database and ports of its own, beside the suite's SQLite platform.
 */
test('apply → accept → review → approve → complete → rate, then 补正, 挂起 and 延期, through the gateway (PostgreSQL)', async ({
  request,
}) => {
  test.setTimeout(240_000);
  const db = await createTestDatabase('postgresql');
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-e2e-pg-'));
  const ports = {
    SHELL_PORT: 3300,
    SERVICES_PORT: 3301,
    AFFAIRS_REMOTE_PORT: 3302,
    GATEWAY_PORT: 4300,
    CATALOG_PORT: 4301,
    IDENTITY_PORT: 4302,
    LICENCES_PORT: 4304,
    EVIDENCE_PORT: 4305,
    AFFAIRS_PORT: 4303,
  };
  let platform: ChildProcess | null = null;
  try {
    platform = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'scripts', 'start.ts')],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          DATABASE_URL: db.databaseUrl!,
          DATA_DIR: dataDir,
          ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        },
        stdio: 'ignore',
      },
    );
    const gateway = `http://localhost:${ports.GATEWAY_PORT}`;
    await expect
      .poll(async () => (await request.get(`${gateway}/readyz`).catch(() => null))?.status() ?? 0, {
        timeout: 180_000,
      })
      .toBe(200);
    await lifecycle(request, `${gateway}/graphql`);
  } finally {
    if (platform && platform.exitCode === null) {
      const exited = new Promise((resolve) => platform!.once('exit', resolve));
      platform.kill('SIGTERM');
      await exited;
    }
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a resident cannot act as staff, and an anonymous caller cannot start an application', async ({
  request,
}) => {
  const resident = await signIn(request, DEMO.resident);
  const inbox = await request.post(GATEWAY, {
    data: { query: '{ applicationInbox(first: 5) { totalCount } }' },
    headers: { authorization: `Bearer ${resident}` },
  });
  const body = (await inbox.json()) as {
    data: { applicationInbox: unknown };
    errors?: { extensions: { code: string } }[];
  };
  expect(body.data.applicationInbox).toBeNull();
  expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  const anonymous = (
    await gql<{ startApplication: { ok: boolean; error: { code: string } } }>(
      request,
      `mutation { startApplication(itemId: "00000000-0000-4000-8000-000000000000") { ok error { code } } }`,
    )
  ).startApplication;
  expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
