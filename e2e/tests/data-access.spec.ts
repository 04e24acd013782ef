import { expect, test } from '@playwright/test';
import { DEMO, gql, signIn } from './support/gateway.js';

const ERR = 'error { code message field }';
type Result = {
  ok: boolean;
  error: unknown;
  application: {
    id: string;
    reference: string;
    version: number;
    materials: { id: string; required: boolean; fromLicenceType: string | null }[];
  };
};

test('a supervisor reveals a resident’s ID number for the case they handle; the resident sees who looked and why', async ({
  page,
  request,
}) => {
  // The resident applies to 民政局 (MZ-004, the ID card comes from the licence), through the gateway.
  const resident = await signIn(request, DEMO.resident);
  const me = await gql<{ me: { person: { id: string } } }>(request, '{ me { person { id } } }', {}, resident);
  const item = (
    await gql<{ serviceItemByCode: { id: string } }>(request, `{ serviceItemByCode(code: "MZ-004") { id } }`)
  ).serviceItemByCode;
  let app = (
    await gql<{ startApplication: Result }>(
      request,
      `mutation ($i: ID!) { startApplication(itemId: $i) { ok ${ERR} application { id reference version materials { id required fromLicenceType } } } }`,
      { i: item.id },
      resident,
    )
  ).startApplication.application;
  const licences = app.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id);
  app = (
    await gql<{ saveApplicationDraft: Result }>(
      request,
      `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok ${ERR} application { id reference version materials { id required fromLicenceType } } } }`,
      { id: app.id, v: app.version, l: licences },
      resident,
    )
  ).saveApplicationDraft.application;
  await gql(
    request,
    `mutation ($id: ID!, $v: Int!) { actOnApplication(id: $id, expectedVersion: $v, action: "submit") { ok ${ERR} } }`,
    { id: app.id, v: app.version },
    resident,
  );

  // 王主管 (supervisor, 民政局) reveals with the case as the declared purpose. Identity learns of
  // the case from affairs' events, a moment after the submission: retry until it has.
  const supervisor = await signIn(request, DEMO.supervisor);
  const reveal = async () =>
    (
      await gql<{
        revealPersonalData: { ok: boolean; value: string | null; error: { code: string } | null };
      }>(
        request,
        `mutation ($id: ID!, $purpose: RevealPurposeInput!) {
          revealPersonalData(personId: $id, field: ID_NUMBER, purpose: $purpose) { ok value error { code } }
        }`,
        { id: me.me.person.id, purpose: { kind: 'CASE_HANDLING', reference: app.reference } },
        supervisor,
      )
    ).revealPersonalData;
  let value: string | null = null;
  await expect
    .poll(
      async () => {
        const result = await reveal();
        value = result.value;
        return result.ok;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  expect(value).toMatch(/^\d{17}[\dX]$/);

  // The resident opens 谁查看了我的信息 and finds the access with its purpose.
  await page.goto('/signin?returnTo=%2Faccount');
  await page.getByTestId('signin-login').fill(DEMO.resident.login);
  await page.getByTestId('signin-password').fill(DEMO.resident.password);
  await page.getByTestId('signin-submit').click();
  await expect(page).toHaveURL(/\/account$/);
  const entry = page.getByTestId('data-access-entry').filter({ hasText: app.reference });
  await expect(entry.first()).toBeVisible();
  await expect(entry.first()).toContainText(/民政/);
});
