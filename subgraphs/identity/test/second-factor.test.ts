import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { Account } from '../src/modules/account/account.entity.js';
import {
  AUTH_FIELDS,
  data,
  drivers,
  EDITOR,
  ME,
  refresh,
  RESIDENT,
  sessionOf,
  signIn,
  STAFF,
  totpCode,
  useIdentity,
  VERIFY,
  viewerOf,
  type AuthData,
  type IdentityFixture,
} from './setup.js';

const ENROL = `mutation { enrolTotp { ok error { code message } otpauthUri qrCodeDataUrl secret recoveryCodes } }`;
const CONFIRM = `mutation ($code: String!) { confirmTotp(code: $code) { ok error { code field } session {
  id accessToken refreshToken secondFactorVerified account { roles totpEnabled } } } }`;
const CHANGE = `mutation { changePassword(currentPassword: "x", newPassword: "y") { ok error { code } } }`;

async function verify(fx: IdentityFixture, challengeToken: string, code: string): Promise<AuthData> {
  return (await data<{ verifySecondFactor: AuthData }>(fx, VERIFY, { input: { challengeToken, code } }))
    .verifySecondFactor;
}

/** An account as an administrator would create it (staff by default), without TOTP. */
async function newAccount(
  fx: IdentityFixture,
  phone: string,
  password: string,
  roles = ['department-staff'],
) {
  const at = new Date();
  const id = randomUUID();
  await fx.identity.orm.em.fork().insert(Account, {
    id,
    username: null,
    phone,
    passwordHash: await fx.identity.services.hasher.hash(password),
    state: 'ACTIVE',
    roles,
    departmentCode: roles.includes('department-staff') ? 'GA' : null,
    personId: null,
    totpSecret: null,
    totpEnabled: false,
    totpLastStep: null,
    totpPendingSecret: null,
    pendingRecoveryCodes: null,
    recoveryCodes: [],
    createdAt: at,
    passwordChangedAt: at,
    version: 1,
  });
  return id;
}

describe.each(drivers)('second factor on %s', (driver) => {
  const fx = useIdentity(driver);

  it('asks staff for a TOTP code instead of issuing a session', async () => {
    const first = await signIn(fx, STAFF.phone, STAFF.password);
    expect(first).toMatchObject({ ok: true, error: null, session: null, secondFactorRequired: true });
    expect(first.challengeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(first.challengeExpiresAt!).getTime() - fx.clock.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it('refuses a wrong code, accepts the right one once, and marks the session as second-factor', async () => {
    fx.clock.advance(30_000);
    const challenge = (await signIn(fx, STAFF.phone, STAFF.password)).challengeToken!;
    const wrong = await verify(fx, challenge, totpCode(fx, STAFF.totpSecret!, -10 * 60_000));
    expect(wrong).toMatchObject({
      ok: false,
      session: null,
      error: { code: 'UNAUTHENTICATED', field: 'code' },
    });

    const right = await verify(fx, challenge, totpCode(fx, STAFF.totpSecret!));
    expect(right.error).toBeNull();
    expect(right.session!.secondFactorVerified).toBe(true);
    const viewer = await viewerOf(fx, right.session!.accessToken);
    expect(viewer).toMatchObject({ roles: ['department-staff'], department: 'MZ', mfa: true });

    // Single use: the same challenge with the next valid code is refused.
    const again = await verify(fx, challenge, totpCode(fx, STAFF.totpSecret!, 30_000));
    expect(again).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'challengeToken' } });
  });

  it('never accepts the same TOTP code twice, even on a new challenge', async () => {
    fx.clock.advance(30_000);
    const code = totpCode(fx, EDITOR.totpSecret!);
    const first = await verify(fx, (await signIn(fx, EDITOR.phone, EDITOR.password)).challengeToken!, code);
    expect(first.ok).toBe(true);
    const replay = await verify(fx, (await signIn(fx, EDITOR.phone, EDITOR.password)).challengeToken!, code);
    expect(replay.error).toMatchObject({ code: 'UNAUTHENTICATED', field: 'code' });
  });

  it('spends a challenge after 5 wrong codes', async () => {
    fx.clock.advance(30_000);
    const challenge = (await signIn(fx, STAFF.phone, STAFF.password)).challengeToken!;
    for (let i = 0; i < 5; i++) await verify(fx, challenge, '000000');
    const right = await verify(fx, challenge, totpCode(fx, STAFF.totpSecret!));
    expect(right.error).toMatchObject({ code: 'UNAUTHENTICATED', field: 'challengeToken' });
  });

  it('makes staff without TOTP enrol first, with a session that carries no roles', async () => {
    const password = 'Gongan#Duty2026';
    await newAccount(fx, '13600000001', password);
    const first = await signIn(fx, '13600000001', password);
    expect(first).toMatchObject({ ok: true, secondFactorRequired: false, totpEnrolmentRequired: true });
    const limited = await viewerOf(fx, first.session!.accessToken);
    expect(limited).toMatchObject({ roles: [], mfa: false });
    expect(new Date(first.session!.expiresAt).getTime() - fx.clock.now()).toBeLessThanOrEqual(15 * 60_000);
    const me = (
      await data<{ me: { secondFactorRequired: boolean; totpEnabled: boolean } }>(
        fx,
        ME,
        {},
        { viewer: limited },
      )
    ).me;
    expect(me).toMatchObject({ secondFactorRequired: true, totpEnabled: false });
    const refused = (
      await data<{ changePassword: { ok: boolean; error: { code: string } } }>(
        fx,
        CHANGE,
        {},
        { viewer: limited },
      )
    ).changePassword;
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const enrol = (
      await data<{
        enrolTotp: {
          ok: boolean;
          otpauthUri: string;
          qrCodeDataUrl: string;
          secret: string;
          recoveryCodes: string[];
        };
      }>(fx, ENROL, {}, { viewer: limited })
    ).enrolTotp;
    expect(enrol.ok).toBe(true);
    expect(enrol.otpauthUri).toMatch(/^otpauth:\/\/totp\/Bianmin:136\*\*\*\*0001\?/);
    expect(enrol.otpauthUri).toContain(`secret=${enrol.secret}`);
    expect(enrol.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrol.qrCodeDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect(enrol.recoveryCodes).toHaveLength(10);
    expect(new Set(enrol.recoveryCodes).size).toBe(10);

    const app = new TOTP({ secret: Secret.fromBase32(enrol.secret) });
    const rightNow = app.generate({ timestamp: fx.clock.now() });
    const wrongCode = rightNow === '123456' ? '654321' : '123456';
    const wrong = (
      await data<{ confirmTotp: { ok: boolean; error: { field: string } } }>(
        fx,
        CONFIRM,
        { code: wrongCode },
        { viewer: limited },
      )
    ).confirmTotp;
    expect(wrong).toMatchObject({ ok: false, error: { field: 'code' } });
    const confirmed = (
      await data<{
        confirmTotp: {
          ok: boolean;
          session: {
            accessToken: string;
            secondFactorVerified: boolean;
            account: { roles: string[]; totpEnabled: boolean };
          };
        };
      }>(fx, CONFIRM, { code: rightNow }, { viewer: limited })
    ).confirmTotp;
    expect(confirmed.ok).toBe(true);
    expect(confirmed.session).toMatchObject({
      secondFactorVerified: true,
      account: { roles: ['department-staff'], totpEnabled: true },
    });
    expect(await viewerOf(fx, confirmed.session.accessToken)).toMatchObject({
      roles: ['department-staff'],
      mfa: true,
    });
    // The enrolment-only session is over.
    expect((await refresh(fx, first.session!.refreshToken)).ok).toBe(false);

    // From now on sign-in asks for a code; a recovery code works once instead of one.
    const next = await signIn(fx, '13600000001', password);
    expect(next.secondFactorRequired).toBe(true);
    const recovered = await verify(fx, next.challengeToken!, enrol.recoveryCodes[0]!.toLowerCase());
    expect(recovered.ok).toBe(true);
    const again = await signIn(fx, '13600000001', password);
    expect((await verify(fx, again.challengeToken!, enrol.recoveryCodes[0]!)).error!.field).toBe('code');
    const viewer = await viewerOf(fx, recovered.session!.accessToken);
    const after = (await data<{ me: { recoveryCodesRemaining: number } }>(fx, ME, {}, { viewer })).me;
    expect(after.recoveryCodesRemaining).toBe(9);
  });

  it('lets a resident turn TOTP on; sign-in then asks for it', async () => {
    const session = await sessionOf(fx, RESIDENT);
    const enrol = (await data<{ enrolTotp: { secret: string } }>(fx, ENROL, {}, { viewer: session.viewer }))
      .enrolTotp;
    fx.clock.advance(30_000);
    const code = new TOTP({ secret: Secret.fromBase32(enrol.secret) }).generate({
      timestamp: fx.clock.now(),
    });
    const confirmed = (
      await data<{ confirmTotp: { ok: boolean; session: unknown } }>(
        fx,
        CONFIRM,
        { code },
        { viewer: session.viewer },
      )
    ).confirmTotp;
    expect(confirmed).toEqual({ ok: true, error: null, session: null });
    const again = (
      await data<{ enrolTotp: { ok: boolean; error: { code: string } } }>(
        fx,
        ENROL,
        {},
        { viewer: session.viewer },
      )
    ).enrolTotp;
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const next = await data<{ signIn: AuthData }>(
      fx,
      `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`,
      { input: { login: RESIDENT.phone, password: RESIDENT.password } },
    );
    expect(next.signIn).toMatchObject({ ok: true, secondFactorRequired: true, session: null });
  });

  it('ends a session without a second factor when the account is given a staff role', async () => {
    const id = await newAccount(fx, '13600000002', 'Binhu#Morning2026', ['resident']);
    const session = await signIn(fx, '13600000002', 'Binhu#Morning2026');
    expect(session.session!.secondFactorVerified).toBe(false);
    await fx.identity.orm.em
      .fork()
      .nativeUpdate(Account, { id }, { roles: ['resident', 'department-staff'] });
    const refreshed = await refresh(fx, session.session!.refreshToken);
    expect(refreshed).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
