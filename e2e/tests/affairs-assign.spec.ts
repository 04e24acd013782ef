import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, gql, signIn } from './support/gateway.js';
import { signInOnPage } from './support/shell.js';

// 分派: 王主管 (民政局 supervisor) picks two new applications in the inbox and assigns them to
// 李办事 in one go; both see who holds them, and the history records it. Names come from
// identity (StaffMember) through the gateway.
const ERR = 'error { code message field }';

async function submittedApplication(request: APIRequestContext, resident: string): Promise<string> {
  const item = (
    await gql<{ serviceItemByCode: { id: string } }>(request, `{ serviceItemByCode(code: "MZ-004") { id } }`)
  ).serviceItemByCode;
  type App = {
    id: string;
    reference: string;
    version: number;
    materials: { id: string; required: boolean; fromLicenceType: string | null }[];
  };
  const APP = 'id reference version materials { id required fromLicenceType }';
  // startApplication returns an open draft of the item if there is one: each is submitted before the next.
  let app = (
    await gql<{ startApplication: { application: App } }>(
      request,
      `mutation ($i: ID!) { startApplication(itemId: $i) { ok ${ERR} application { ${APP} } } }`,
      { i: item.id },
      resident,
    )
  ).startApplication.application;
  app = (
    await gql<{ saveApplicationDraft: { application: App } }>(
      request,
      `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok ${ERR} application { ${APP} } } }`,
      {
        id: app.id,
        v: app.version,
        l: app.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id),
      },
      resident,
    )
  ).saveApplicationDraft.application;
  const submitted = (
    await gql<{ actOnApplication: { ok: boolean; error: unknown } }>(
      request,
      `mutation ($id: ID!, $v: Int!) { actOnApplication(id: $id, expectedVersion: $v, action: "submit") { ok ${ERR} } }`,
      { id: app.id, v: app.version },
      resident,
    )
  ).actOnApplication;
  expect(submitted.error).toBeNull();
  return app.reference;
}

test('a supervisor assigns two applications to a colleague at once; names and history show it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const resident = await signIn(request, DEMO.resident);
  const references = [
    await submittedApplication(request, resident),
    await submittedApplication(request, resident),
  ];

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, DEMO.supervisor, '/affairs/workbench?state=SUBMITTED');
  const inbox = page.getByTestId('inbox');
  await expect(inbox).toBeVisible();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByTestId('bulk-count')).toContainText('勾选办件');
  for (const reference of references) {
    await inbox.getByRole('checkbox', { name: `选择 ${reference}` }).check();
  }
  await expect(bar.getByTestId('bulk-count')).toHaveText('已选 2 件');
  await bar.getByTestId('bulk-colleague').click();
  await page.locator('.ant-select-item-option[title="李办事"]').click();
  await bar.getByTestId('bulk-assign').click();
  await expect(bar.getByTestId('bulk-summary')).toContainText('2 件已完成');
  for (const reference of references) {
    const row = inbox.getByTestId('inbox-row').filter({ hasText: reference });
    await expect(row.getByTestId('assignee-other')).toHaveText('李办事');
  }

  // The application page names the holder and records the step with who took it.
  await inbox.getByTestId('inbox-link').filter({ hasText: references[0]! }).click();
  await expect(page.getByTestId('assignee')).toHaveText('已由李办事认领办理。');
  const step = page.getByTestId('history-step').first();
  await expect(step).toContainText('分派');
  await expect(step).toContainText('王主管');
  await expect(step.getByTestId('history-assignee')).toHaveText('分派给：李办事');

  // 李办事 finds both under "assigned to me".
  const staff = await signIn(request, DEMO.staff);
  const mine = (
    await gql<{ applicationInbox: { edges: { node: { reference: string; assignedToMe: boolean } }[] } }>(
      request,
      `{ applicationInbox(filter: { assignedToMe: true }, first: 50) { edges { node { reference assignedToMe } } } }`,
      {},
      staff,
    )
  ).applicationInbox.edges.map((e) => e.node.reference);
  expect(mine).toEqual(expect.arrayContaining(references));
});
