import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  createLogger,
  loadOrCreateKeyFile,
  publicJwks,
  signingKeysFrom,
  verifyAccessToken,
  type Driver,
  type Identity,
  type KeyFile,
  type Locale,
  type Logger,
} from '@bianmin/kit';
import { createTestDatabase, queryCounter, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import { withRequestInfo, type RequestInfo } from '../src/http/request-info.js';
import type { Throttles } from '../src/modules/sign-in/throttle.js';
import {
  createIdentityOrm,
  createIdentitySubgraph,
  DEMO_ACCOUNTS,
  SecretBox,
  seedIdentity,
  type IdentitySubgraph,
} from '../src/server.js';

export const drivers = testDrivers();

export const demo = (username: string) => {
  const account = DEMO_ACCOUNTS.find((d) => d.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
};
export const RESIDENT = demo('zhangxiaomin');
export const STAFF = demo('libanshi');
export const SUPERVISOR = demo('wangzhuguan');
export const AUDITOR = demo('zhaoshenji');
export const ADMIN = demo('chenguanli');
export const EDITOR = demo('zhoubianji');

/** A clock the test moves forward (idle timeouts, TOTP steps) instead of sleeping. */
export function testClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

export interface IdentityFixture {
  identity: IdentitySubgraph;
  counter: ReturnType<typeof queryCounter>;
  keyFile: KeyFile;
  secretBox: SecretBox;
  clock: ReturnType<typeof testClock>;
}

/** Identity on a fresh database of `driver`, with organizations and demo accounts, for one test file. */
export function useIdentity(
  driver: Driver,
  options: { throttles?: () => Throttles; log?: () => Logger } = {},
): IdentityFixture {
  const fixture = {} as IdentityFixture;
  let db: TestDatabase;
  let keyDir: string;
  beforeAll(async () => {
    db = await createTestDatabase(driver);
    keyDir = mkdtempSync(join(tmpdir(), 'bianmin-identity-keys-'));
    fixture.keyFile = await loadOrCreateKeyFile(join(keyDir, 'access-token-keys.json'));
    fixture.secretBox = SecretBox.random();
    fixture.clock = testClock();
    fixture.counter = queryCounter();
    const orm = await createIdentityOrm({
      databaseUrl: db.databaseUrl,
      sqliteFile: db.sqliteFile,
      onQuery: fixture.counter.onQuery,
    });
    await seedIdentity(orm, { secretBox: fixture.secretBox });
    fixture.identity = createIdentitySubgraph({
      orm,
      log: options.log?.() ?? createLogger('identity', process.env.LOG_LEVEL ?? 'warn'),
      signingKeys: await signingKeysFrom(fixture.keyFile),
      secretBox: fixture.secretBox,
      throttles: options.throttles?.(),
      now: fixture.clock.now,
    });
  }, 60_000);
  afterAll(async () => {
    await fixture.identity?.stop(1000);
    await db?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });
  return fixture;
}

export interface UserErrorData {
  code: string;
  message: string;
  field: string | null;
}

export interface AuthData {
  ok: boolean;
  error: UserErrorData | null;
  secondFactorRequired: boolean;
  challengeToken: string | null;
  challengeExpiresAt: string | null;
  totpEnrolmentRequired: boolean;
  passwordChangeRequired: boolean;
  retryAfterSeconds: number | null;
  session: {
    id: string;
    accessToken: string;
    accessTokenExpiresAt: string;
    refreshToken: string;
    refreshTokenExpiresAt: string;
    expiresAt: string;
    secondFactorVerified: boolean;
    account: { id: string; username: string | null; phone: string; roles: string[]; totpEnabled: boolean };
  } | null;
}

export const AUTH_FIELDS = `ok error { code message field } secondFactorRequired challengeToken challengeExpiresAt
  totpEnrolmentRequired passwordChangeRequired retryAfterSeconds
  session { id accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt expiresAt secondFactorVerified
    account { id username phone roles totpEnabled } }`;

export interface RunOptions {
  viewer?: Identity;
  locale?: Locale;
  request?: Partial<RequestInfo>;
}

/** Run an operation as `viewer` (anonymous by default), optionally as if from a client IP. */
export async function run<T>(
  fx: IdentityFixture,
  source: string,
  variables: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<{
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}> {
  return withRequestInfo(options.request ?? {}, () =>
    fx.identity.execute<T>(source, variables, options.viewer, options.locale),
  );
}

/** Run and fail the test on any GraphQL error. */
export async function data<T>(
  fx: IdentityFixture,
  source: string,
  variables: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<T> {
  const result = await run<T>(fx, source, variables, options);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

export const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;
export const VERIFY = `mutation ($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`;
export const ME = `{ me { id username phone roles state totpEnabled secondFactorRequired recoveryCodesRemaining
  department { code name } person { id name idType idNumber phone address dateOfBirth communityCode } } }`;

export async function signIn(
  fx: IdentityFixture,
  login: string,
  password: string,
  options: RunOptions = {},
): Promise<AuthData> {
  return (await data<{ signIn: AuthData }>(fx, SIGN_IN, { input: { login, password } }, options)).signIn;
}

export async function refresh(fx: IdentityFixture, token: string): Promise<AuthData> {
  return (await data<{ refreshSession: AuthData }>(fx, REFRESH, { t: token })).refreshSession;
}

/** The 6-digit code an authenticator app shows at the fixture's current time. */
export function totpCode(fx: IdentityFixture, secret: string, offsetMs = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: fx.clock.now() + offsetMs });
}

/** What the gateway would forward for this access token (verified with kit, as the gateway does). */
export async function viewerOf(fx: IdentityFixture, accessToken: string): Promise<Identity> {
  const verified = await verifyAccessToken(publicJwks(fx.keyFile), accessToken, { now: fx.clock.now() });
  if (!verified.ok) throw new Error(`access token did not verify: ${verified.detail}`);
  return verified.identity;
}

/** A signed-in session for a demo account, passing TOTP for staff (a fresh time step each time). */
export async function sessionOf(fx: IdentityFixture, account: (typeof DEMO_ACCOUNTS)[number]) {
  let result = await signIn(fx, account.phone, account.password);
  if (result.secondFactorRequired) {
    fx.clock.advance(30_000);
    result = (
      await data<{ verifySecondFactor: AuthData }>(fx, VERIFY, {
        input: { challengeToken: result.challengeToken, code: totpCode(fx, account.totpSecret!) },
      })
    ).verifySecondFactor;
  }
  expect(result.error).toBeNull();
  const session = result.session!;
  return { ...session, viewer: await viewerOf(fx, session.accessToken) };
}

/**
 * A log sink that keeps every line a test run writes, as JSON text, so a test can prove what
 * never reaches the logs (raw ID numbers, phones).
 */
export function capturingLogger(lines: string[]): Logger {
  const write =
    (level: string) =>
    (first: unknown, ...rest: unknown[]) =>
      void lines.push(JSON.stringify({ level, first, rest }));
  const logger = {
    level: 'trace',
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    child: () => logger,
    isLevelEnabled: () => true,
  };
  return logger as unknown as Logger;
}
