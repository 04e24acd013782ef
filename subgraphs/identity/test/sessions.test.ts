import { describe, expect, it } from 'vitest';
import { AccountSession } from '../src/modules/session/session.entity.js';
import {
  data,
  drivers,
  ME,
  refresh,
  RESIDENT,
  run,
  sessionOf,
  signIn,
  STAFF,
  useIdentity,
  viewerOf,
  type IdentityFixture,
} from './setup.js';

const SIGN_OUT = `mutation ($t: String, $e: Boolean) { signOut(refreshToken: $t, everywhere: $e) { ok error { code message } revokedSessions } }`;
const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ok error { code message field } revokedSessions } }`;
const MY_SESSIONS = `{ mySessions { id current secondFactorVerified lastUsedAt idleExpiresAt expiresAt } }`;
const REVOKE = `mutation ($id: ID!) { revokeSession(id: $id) { ok error { code field } } }`;

async function residentSession(fx: IdentityFixture) {
  const result = await signIn(fx, RESIDENT.phone, RESIDENT.password);
  return { ...result.session!, viewer: await viewerOf(fx, result.session!.accessToken) };
}

async function revokeReason(fx: IdentityFixture, id: string) {
  return (await fx.identity.orm.em.fork().findOneOrFail(AccountSession, { id })).revokeReason;
}

describe.each(drivers)('sessions on %s', (driver) => {
  const fx = useIdentity(driver);

  it('rotates refresh tokens: each refresh returns a new pair for the same session', async () => {
    const first = await residentSession(fx);
    const second = await refresh(fx, first.refreshToken);
    expect(second.error).toBeNull();
    expect(second.session!.id).toBe(first.id);
    expect(second.session!.refreshToken).not.toBe(first.refreshToken);
    expect((await viewerOf(fx, second.session!.accessToken)).sessionId).toBe(first.id);
    const third = await refresh(fx, second.session!.refreshToken);
    expect(third.ok).toBe(true);
    expect(third.session!.refreshToken).not.toBe(second.session!.refreshToken);
  });

  it('revokes the whole session when a used refresh token comes back (the newest stops working too)', async () => {
    const first = await residentSession(fx);
    const second = await refresh(fx, first.refreshToken);
    expect(second.ok).toBe(true);
    const replay = await refresh(fx, first.refreshToken);
    expect(replay).toMatchObject({
      ok: false,
      session: null,
      error: { code: 'UNAUTHENTICATED', field: 'refreshToken' },
    });
    const newest = await refresh(fx, second.session!.refreshToken);
    expect(newest).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await revokeReason(fx, first.id)).toBe('refresh-token-reuse');
    // The access token is still a valid JWT for a few minutes, but identity knows the session is over.
    const viewer = await viewerOf(fx, second.session!.accessToken);
    expect((await data<{ me: unknown }>(fx, ME, {}, { viewer })).me).toBeNull();
  });

  it('lets one of two concurrent refreshes with one token through, and then treats the other as reuse', async () => {
    const first = await residentSession(fx);
    const results = await Promise.all([refresh(fx, first.refreshToken), refresh(fx, first.refreshToken)]);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    expect(await revokeReason(fx, first.id)).toBe('refresh-token-reuse');
  });

  it('refuses tokens that were never issued', async () => {
    expect((await refresh(fx, 'x'.repeat(43))).error!.code).toBe('UNAUTHENTICATED');
    expect((await refresh(fx, 'not a token')).error!.code).toBe('UNAUTHENTICATED');
  });

  it('signs out the current session', async () => {
    const session = await residentSession(fx);
    const out = (
      await data<{ signOut: { ok: boolean; revokedSessions: number } }>(
        fx,
        SIGN_OUT,
        {},
        { viewer: session.viewer },
      )
    ).signOut;
    expect(out).toMatchObject({ ok: true, revokedSessions: 1 });
    expect((await refresh(fx, session.refreshToken)).ok).toBe(false);
    expect((await data<{ me: unknown }>(fx, ME, {}, { viewer: session.viewer })).me).toBeNull();
    expect(await revokeReason(fx, session.id)).toBe('signed-out');
  });

  it('signs out everywhere', async () => {
    const sessions = [await residentSession(fx), await residentSession(fx), await residentSession(fx)];
    const out = (
      await data<{ signOut: { ok: boolean; revokedSessions: number } }>(
        fx,
        SIGN_OUT,
        { e: true },
        { viewer: sessions[0]!.viewer },
      )
    ).signOut;
    expect(out.ok).toBe(true);
    expect(out.revokedSessions).toBeGreaterThanOrEqual(3);
    for (const s of sessions) expect((await refresh(fx, s.refreshToken)).ok).toBe(false);
  });

  it('refuses sign-out without a signed-in caller, as data', async () => {
    const out = (
      await data<{ signOut: { ok: boolean; error: { code: string }; revokedSessions: number } }>(fx, SIGN_OUT)
    ).signOut;
    expect(out).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' }, revokedSessions: 0 });
  });

  it('changes the password: checks both passwords, then signs out every other session', async () => {
    const here = await residentSession(fx);
    const elsewhere = await residentSession(fx);
    const wrong = (
      await data<{ changePassword: { ok: boolean; error: { code: string; field: string } } }>(
        fx,
        CHANGE,
        { c: 'Wrong#Password2026', n: 'Lakeside#Walk2026' },
        { viewer: here.viewer },
      )
    ).changePassword;
    expect(wrong.error).toMatchObject({ code: 'UNAUTHENTICATED', field: 'currentPassword' });
    const weak = (
      await data<{ changePassword: { ok: boolean; error: { code: string; field: string } } }>(
        fx,
        CHANGE,
        { c: RESIDENT.password, n: 'password' },
        { viewer: here.viewer },
      )
    ).changePassword;
    expect(weak.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await refresh(fx, elsewhere.refreshToken)).ok).toBe(true); // nothing changed so far

    const elsewhere2 = await residentSession(fx);
    const changed = (
      await data<{ changePassword: { ok: boolean; revokedSessions: number } }>(
        fx,
        CHANGE,
        { c: RESIDENT.password, n: 'Lakeside#Walk2026' },
        { viewer: here.viewer },
      )
    ).changePassword;
    expect(changed.ok).toBe(true);
    expect(changed.revokedSessions).toBeGreaterThanOrEqual(2);
    expect((await refresh(fx, elsewhere2.refreshToken)).ok).toBe(false);
    expect(await revokeReason(fx, elsewhere2.id)).toBe('password-changed');
    expect((await refresh(fx, here.refreshToken)).ok).toBe(true);
    expect((await signIn(fx, RESIDENT.phone, RESIDENT.password)).error!.code).toBe('UNAUTHENTICATED');
    expect((await signIn(fx, RESIDENT.phone, 'Lakeside#Walk2026')).ok).toBe(true);

    const back = await residentSessionWith(fx, 'Lakeside#Walk2026');
    await data(fx, CHANGE, { c: 'Lakeside#Walk2026', n: RESIDENT.password }, { viewer: back.viewer });
  });

  it('ends a resident session after 7 idle days and a staff session after 30 idle minutes', async () => {
    const resident = await residentSession(fx);
    fx.clock.advance(6 * 24 * 3600_000);
    const kept = await refresh(fx, resident.refreshToken);
    expect(kept.ok).toBe(true);
    fx.clock.advance(7 * 24 * 3600_000 + 60_000);
    expect((await refresh(fx, kept.session!.refreshToken)).error!.code).toBe('UNAUTHENTICATED');
    expect(await revokeReason(fx, resident.id)).toBe('expired');

    const staff = await sessionOf(fx, STAFF);
    fx.clock.advance(29 * 60_000);
    const staffKept = await refresh(fx, staff.refreshToken);
    expect(staffKept.ok).toBe(true);
    expect(staffKept.session!.secondFactorVerified).toBe(true);
    fx.clock.advance(31 * 60_000);
    expect((await refresh(fx, staffKept.session!.refreshToken)).ok).toBe(false);
  });

  it('ends a resident session 30 days after sign-in however active it is', async () => {
    const current = await residentSession(fx);
    let token = current.refreshToken;
    for (let i = 0; i < 5; i++) {
      fx.clock.advance(5 * 24 * 3600_000);
      const next = await refresh(fx, token);
      expect(next.ok).toBe(true);
      token = next.session!.refreshToken;
    }
    // Day 25 was the last refresh; day 30 is the absolute end, idle or not.
    fx.clock.advance(5 * 24 * 3600_000 + 60_000);
    const ended = await refresh(fx, token);
    expect(ended.ok).toBe(false);
    expect(await revokeReason(fx, current.id)).toBe('expired');
  });

  it("lists the active sessions and revokes one of them, but not somebody else's", async () => {
    const a = await residentSession(fx);
    const b = await residentSession(fx);
    const list = (
      await data<{ mySessions: Array<{ id: string; current: boolean }> }>(
        fx,
        MY_SESSIONS,
        {},
        { viewer: a.viewer },
      )
    ).mySessions;
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([a.id]);
    expect(list.map((s) => s.id)).toContain(b.id);

    const staff = await sessionOf(fx, STAFF);
    const foreign = (
      await data<{ revokeSession: { ok: boolean; error: { code: string } } }>(
        fx,
        REVOKE,
        { id: staff.id },
        { viewer: a.viewer },
      )
    ).revokeSession;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await refresh(fx, staff.refreshToken)).ok).toBe(true);

    const own = (
      await data<{ revokeSession: { ok: boolean } }>(fx, REVOKE, { id: b.id }, { viewer: a.viewer })
    ).revokeSession;
    expect(own.ok).toBe(true);
    expect((await refresh(fx, b.refreshToken)).ok).toBe(false);
    const bad = await run(fx, `{ mySessions(first: 51) { id } }`, {}, { viewer: a.viewer });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

async function residentSessionWith(fx: IdentityFixture, password: string) {
  const result = await signIn(fx, RESIDENT.phone, password);
  return { ...result.session!, viewer: await viewerOf(fx, result.session!.accessToken) };
}
