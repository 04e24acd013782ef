import { expect, test } from '@playwright/test';
import { DEMO, GATEWAY, gql, signIn } from './support/gateway.js';

// The whole lifecycle through the real gateway, with real tokens: a resident applies, 民政局 staff
// handle it, the resident rates it. (Department and ownership rules are tested in subgraphs/affairs.)
const ERR = 'error { code message field }';
const APP = 'id reference state version materials { id required fromLicenceType } availableActions { name }';

test('apply → accept → review → approve → complete → rate, through the gateway', async ({ request }) => {
  const resident = await signIn(request, DEMO.resident);
  const item = (
    await gql<{ serviceItemByCode: { id: string } }>(request, `{ serviceItemByCode(code: "MZ-004") { id } }`)
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
    };
  };
  let app = (
    await gql<{ startApplication: Result }>(
      request,
      `mutation ($i: ID!) { startApplication(itemId: $i) { ok ${ERR} application { ${APP} } } }`,
      { i: item.id },
      resident,
    )
  ).startApplication.application;
  const licences = app.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id);
  app = (
    await gql<{ saveApplicationDraft: Result }>(
      request,
      `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok ${ERR} application { ${APP} } } }`,
      { id: app.id, v: app.version, l: licences },
      resident,
    )
  ).saveApplicationDraft.application;
  const act = async (token: string, action: string, input?: object) => {
    const result = (
      await gql<{ actOnApplication: Result }>(
        request,
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

  const staff = await signIn(request, DEMO.staff);
  const inbox = (
    await gql<{ applicationInbox: { edges: { node: { id: string } }[] } }>(
      request,
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
    await gql<{ rateApplication: { ok: boolean; rating: { scoreLabel: string } } }>(
      request,
      `mutation ($id: ID!) { rateApplication(id: $id, input: { score: 5, satisfaction: 5, efficiency: 5, guideAccuracy: 4, convenience: 5 }) { ok ${ERR} rating { scoreLabel } } }`,
      { id: app.id },
      resident,
    )
  ).rateApplication;
  expect(rated).toMatchObject({ ok: true, rating: { scoreLabel: '非常满意' } });
  const notes = (
    await gql<{ myNotifications: { edges: { node: { kind: string; applicationId: string } }[] } }>(
      request,
      `{ myNotifications(first: 50) { edges { node { kind applicationId } } } }`,
      {},
      resident,
    )
  ).myNotifications;
  expect(notes.edges.filter((e) => e.node.applicationId === app.id).map((e) => e.node.kind)).toContain(
    'APPLICATION_STATUS',
  );
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
