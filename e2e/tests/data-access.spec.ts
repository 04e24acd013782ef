import { expect, test, type APIRequestContext } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_PORTS } from '../playwright.config.js';

const GATEWAY = `http://localhost:${E2E_PORTS.gateway}/graphql`;
const RESIDENT = { login: '13800000001', password: 'Yunhu#Resident2026' };
// 王主管 (supervisor, 民政局); secret from subgraphs/identity/README.md.
const SUPERVISOR = {
  login: '13800000003',
  password: 'Yunhu#Supervisor2026',
  totp: 'NK4QDKUZNIZKYSYOP76OJXSEHIEE4T2A',
};

async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: object = {},
  token?: string,
): Promise<T> {
  const res = await request.post(GATEWAY, {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { ok error { code message } secondFactorRequired challengeToken session { accessToken } }
}`;
type SignIn = {
  signIn: {
    ok: boolean;
    secondFactorRequired: boolean;
    challengeToken: string | null;
    session: { accessToken: string } | null;
  };
};

test('a supervisor reveals a resident’s ID number for a case; the resident sees who looked and why', async ({
  page,
  request,
}, testInfo) => {
  // The resident's person id, through the gateway like any client.
  const resident = (
    await gql<SignIn>(request, SIGN_IN, { input: { login: RESIDENT.login, password: RESIDENT.password } })
  ).signIn;
  const me = await gql<{ me: { person: { id: string } } }>(
    request,
    '{ me { person { id } } }',
    {},
    resident.session!.accessToken,
  );

  // The supervisor signs in with password and TOTP, then reveals with a declared purpose.
  const first = (
    await gql<SignIn>(request, SIGN_IN, { input: { login: SUPERVISOR.login, password: SUPERVISOR.password } })
  ).signIn;
  expect(first.secondFactorRequired).toBe(true);
  const code = new TOTP({ secret: Secret.fromBase32(SUPERVISOR.totp) }).generate({
    timestamp: Date.now() + testInfo.retry * 30_000,
  });
  const second = await gql<{ verifySecondFactor: { ok: boolean; session: { accessToken: string } } }>(
    request,
    `mutation ($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { ok session { accessToken } } }`,
    { input: { challengeToken: first.challengeToken, code } },
  );
  expect(second.verifySecondFactor.ok).toBe(true);
  const reference = `SQ-E2E-${Date.now()}`;
  const reveal = await gql<{ revealPersonalData: { ok: boolean; value: string | null } }>(
    request,
    `mutation ($id: ID!, $purpose: RevealPurposeInput!) {
      revealPersonalData(personId: $id, field: ID_NUMBER, purpose: $purpose) { ok value }
    }`,
    { id: me.me.person.id, purpose: { kind: 'CASE_HANDLING', reference } },
    second.verifySecondFactor.session.accessToken,
  );
  expect(reveal.revealPersonalData.ok).toBe(true);
  expect(reveal.revealPersonalData.value).toMatch(/^\d{17}[\dX]$/);

  // The resident opens 谁查看了我的信息 and finds the access with its purpose.
  await page.goto('/signin?returnTo=%2Faccount');
  await page.getByTestId('signin-login').fill(RESIDENT.login);
  await page.getByTestId('signin-password').fill(RESIDENT.password);
  await page.getByTestId('signin-submit').click();
  await expect(page).toHaveURL(/\/account$/);
  const entry = page.getByTestId('data-access-entry').filter({ hasText: reference });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(/民政/);
});
