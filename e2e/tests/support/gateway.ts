import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_PORTS } from '../../playwright.config.js';
import { freshTotpCode, markSpent } from './totp.js';

/** The real gateway of the platform under test. */
export const GATEWAY = `http://localhost:${E2E_PORTS.gateway}/graphql`;

/** Demo accounts (subgraphs/identity/README.md). */
export const DEMO = {
  resident: { login: '13800000001', password: 'Yunhu#Resident2026' },
  staff: { login: '13800000002', password: 'Yunhu#Staff2026', totp: 'LNUYAJ2Z6SVLB22JVOMQZTC3QWNQXN4C' },
  supervisor: {
    login: '13800000003',
    password: 'Yunhu#Supervisor2026',
    totp: 'NK4QDKUZNIZKYSYOP76OJXSEHIEE4T2A',
  },
} as const;

/** Run an operation through the gateway; fail the test on any GraphQL error. */
export async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: object = {},
  token?: string,
  gateway: string = GATEWAY,
): Promise<T> {
  const res = await request.post(gateway, {
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
const VERIFY = `mutation ($input: VerifySecondFactorInput!) {
  verifySecondFactor(input: $input) { ok error { code message } session { accessToken } }
}`;
type AuthStep = {
  ok: boolean;
  secondFactorRequired?: boolean;
  challengeToken?: string | null;
  session: { accessToken: string } | null;
};

/**
 * Sign in through the gateway and return an access token; staff pass TOTP with a fresh code
 * (see totp.ts: each step works once per account, in rising order).
 */
export async function signIn(
  request: APIRequestContext,
  who: { login: string; password: string; totp?: string },
  gateway: string = GATEWAY,
): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const first = (
      await gql<{ signIn: AuthStep }>(
        request,
        SIGN_IN,
        { input: { login: who.login, password: who.password } },
        undefined,
        gateway,
      )
    ).signIn;
    if (!first.secondFactorRequired) return first.session!.accessToken;
    const code = await freshTotpCode(who.totp!);
    const second = (
      await gql<{ verifySecondFactor: AuthStep }>(
        request,
        VERIFY,
        { input: { challengeToken: first.challengeToken, code } },
        undefined,
        gateway,
      )
    ).verifySecondFactor;
    if (second.ok) return second.session!.accessToken;
    markSpent(who.totp!);
  }
  throw new Error(`${who.login} could not pass the second factor`);
}
