import { ANONYMOUS_IDENTITY, DEV_INTERNAL_AUTH_SECRET, signInternalIdentity } from '@bianmin/kit';
import { describe, expect, it } from 'vitest';
import { Account } from '../src/modules/account/account.entity.js';
import {
  ADMIN,
  AUDITOR,
  data,
  drivers,
  RESIDENT,
  run,
  SIGN_IN,
  signIn,
  STAFF,
  SUPERVISOR,
  useIdentity,
  viewerOf,
  type AuthData,
} from './setup.js';

const FROM = (ip: string) => ({ request: { ip, ipSource: 'forwarded' as const } });

describe.each(drivers)('sign-in on %s', (driver) => {
  const fx = useIdentity(driver);

  it('signs in by phone (in any common notation) and by username', async () => {
    for (const login of [RESIDENT.phone, '+86 138-0000-0001', 'ZhangXiaomin']) {
      const result = await signIn(fx, login, RESIDENT.password);
      expect(result.error).toBeNull();
      expect(result.session!.account).toMatchObject({ username: 'zhangxiaomin', roles: ['resident'] });
      const viewer = await viewerOf(fx, result.session!.accessToken);
      expect(viewer).toMatchObject({ roles: ['resident'], mfa: false, sessionId: result.session!.id });
    }
  });

  it('answers a wrong password and an unknown account with the same error, after the same work', async () => {
    const hasher = fx.identity.services.hasher;
    const before = hasher.operations;
    const wrong = await signIn(fx, RESIDENT.phone, 'Wrong#Password2026');
    const unknown = await signIn(fx, '13999999999', 'Wrong#Password2026');
    const unknownName = await signIn(fx, 'nobody-here', 'Wrong#Password2026');
    for (const r of [wrong, unknown, unknownName]) {
      expect(r).toMatchObject({ ok: false, session: null, error: { code: 'UNAUTHENTICATED', field: null } });
      expect(r.error!.message).toBe('账号或密码不正确');
    }
    // One argon2 verification each: unknown accounts are checked against a dummy hash.
    expect(hasher.operations - before).toBe(3);
  });

  it('refuses a login that is neither a phone number nor a username', async () => {
    const result = await signIn(fx, '12', RESIDENT.password);
    expect(result.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'login' });
  });

  it('locks one login from one IP after 10 failures: the 11th is refused, even with the right password', async () => {
    const attacker = FROM('203.0.113.7');
    for (let i = 1; i <= 10; i++) {
      const r = await signIn(fx, SUPERVISOR.phone, `Wrong#Guess${i}xx`, attacker);
      expect(r.error!.code).toBe('UNAUTHENTICATED');
      if (i === 8) expect(r.error!.message).toContain('还可尝试 2 次');
      if (i === 10) expect(r.retryAfterSeconds).toBe(900);
    }
    const operations = fx.identity.services.hasher.operations;
    const eleventh = await signIn(fx, SUPERVISOR.phone, 'Wrong#Guess11xx', attacker);
    expect(eleventh).toMatchObject({ ok: false, session: null, error: { code: 'RATE_LIMITED' } });
    expect(eleventh.error!.message).toMatch(/请 1[45] 分钟后再试/);
    expect(eleventh.retryAfterSeconds).toBeGreaterThan(840);
    expect(eleventh.retryAfterSeconds).toBeLessThanOrEqual(900);

    const right = await signIn(fx, SUPERVISOR.phone, SUPERVISOR.password, attacker);
    expect(right).toMatchObject({
      ok: false,
      secondFactorRequired: false,
      challengeToken: null,
      session: null,
    });
    expect(right.error!.code).toBe('RATE_LIMITED');
    // Phone and username are one account: switching to the username does not get more guesses.
    const english = (
      await data<{ signIn: AuthData }>(
        fx,
        SIGN_IN,
        { input: { login: SUPERVISOR.username, password: SUPERVISOR.password } },
        { ...attacker, locale: 'en' },
      )
    ).signIn;
    expect(english.error!.code).toBe('RATE_LIMITED');
    expect(english.error!.message).toMatch(/^Too many attempts\. Try again in 1[45] minutes\.$/);
    // Refused attempts never reach argon2.
    expect(fx.identity.services.hasher.operations).toBe(operations);

    // The owner, from another address, is not locked out by the attacker.
    const owner = await signIn(fx, SUPERVISOR.phone, SUPERVISOR.password, FROM('198.51.100.20'));
    expect(owner).toMatchObject({ ok: true, secondFactorRequired: true });
  });

  it('counts parallel guesses before checking them: of 15 at once, 10 are checked and 5 refused', async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        run<{ signIn: AuthData }>(
          fx,
          SIGN_IN,
          { input: { login: AUDITOR.phone, password: `Wrong#Guess${i}xx` } },
          FROM('203.0.113.8'),
        ),
      ),
    );
    const codes = results.map((r) => r.data!.signIn.error!.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(5);
    expect(fx.identity.services.hasher.peakRunning).toBeLessThanOrEqual(2);
  });

  it('does not sign in a locked or disabled account, and does not reveal the state to a wrong password', async () => {
    const em = fx.identity.orm.em.fork();
    await em.nativeUpdate(Account, { phone: ADMIN.phone }, { state: 'DISABLED' });
    const right = await signIn(fx, ADMIN.phone, ADMIN.password);
    expect(right.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(right.error!.message).toContain('停用');
    const wrong = await signIn(fx, ADMIN.phone, 'Wrong#Password2026');
    expect(wrong.error!.message).toBe('账号或密码不正确');
    await em.nativeUpdate(Account, { phone: ADMIN.phone }, { state: 'ACTIVE' });
  });

  it('reads the client IP the gateway signed, and the user agent, over HTTP', async () => {
    const port = await fx.identity.listen(0, '127.0.0.1');
    const post = async (ip: string, login: string, password: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // What the gateway sends: the client IP inside the signed identity header.
          'x-bianmin-identity': signInternalIdentity(ANONYMOUS_IDENTITY, DEV_INTERNAL_AUTH_SECRET, {
            clientIp: ip,
          }),
          // A caller-supplied X-Forwarded-For is never trusted.
          'x-forwarded-for': '198.51.100.1',
          'user-agent': 'BianminTest/1.0 (iPhone)',
        },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { login, password } } }),
      });
      return ((await response.json()) as { data: { signIn: AuthData } }).data.signIn;
    };
    for (let i = 0; i < 10; i++) await post('192.0.2.50', STAFF.phone, `Wrong#Guess${i}xx`);
    expect((await post('192.0.2.50', STAFF.phone, STAFF.password)).error!.code).toBe('RATE_LIMITED');
    expect((await post('192.0.2.51', STAFF.phone, STAFF.password)).secondFactorRequired).toBe(true);

    const resident = await post('192.0.2.52', RESIDENT.phone, RESIDENT.password);
    const viewer = await viewerOf(fx, resident.session!.accessToken);
    const sessions = (
      await data<{ mySessions: Array<{ id: string; userAgent: string; current: boolean }> }>(
        fx,
        `{ mySessions { id userAgent current } }`,
        {},
        { viewer },
      )
    ).mySessions;
    expect(sessions.find((s) => s.current)).toMatchObject({
      id: resident.session!.id,
      userAgent: 'BianminTest/1.0 (iPhone)',
    });
    await fx.identity.http.close(1000);
  });
});
