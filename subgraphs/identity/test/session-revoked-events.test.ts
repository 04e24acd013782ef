import { beforeEach, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  createLogger,
  InProcessBus,
  OutboxMessage,
  OutboxRelay,
  type BusEvent,
} from '@bianmin/kit';
import { AccountSession } from '../src/modules/session/session.entity.js';
import { revokeSessions } from '../src/modules/session/session.service.js';
import { SESSION_REVOKED_TOPIC, type SessionRevoked } from '../src/server.js';
import {
  ADMIN,
  data,
  drivers,
  EDITOR,
  refresh,
  RESIDENT,
  sessionOf,
  useIdentity,
  type IdentityFixture,
} from './setup.js';

const SIGN_OUT = `mutation ($t: String, $e: Boolean) { signOut(refreshToken: $t, everywhere: $e) { ok error { code } revokedSessions } }`;
const SET_STATE = `mutation ($id: ID!, $s: AccountState!) { setAccountState(id: $id, state: $s) { ok error { code } } }`;

type SignOut = { signOut: { ok: boolean; revokedSessions: number } };

/** Every `identity.session.revoked` row in the outbox, oldest first. */
async function announcements(fx: IdentityFixture) {
  const rows = await fx.identity.orm.em
    .fork()
    .find(OutboxMessage, { topic: SESSION_REVOKED_TOPIC }, { orderBy: { id: 'asc' } });
  return rows.map((row) => ({ key: row.key, payload: row.payload as SessionRevoked }));
}

/** The ids of the account's sessions that have not been revoked (in the fixture's time). */
async function liveSessionIds(fx: IdentityFixture, accountId: string) {
  const at = new Date(fx.clock.now());
  const rows = await fx.identity.orm.em
    .fork()
    .find(
      AccountSession,
      { accountId, revokedAt: null, expiresAt: { $gt: at }, idleExpiresAt: { $gt: at } },
      { orderBy: { id: 'asc' } },
    );
  return rows.map((s) => s.id);
}

async function sessionRow(fx: IdentityFixture, id: string) {
  return fx.identity.orm.em.fork().findOneOrFail(AccountSession, { id });
}

/** The payload says when, why and until when, consistently with the revoked row. */
async function expectAnnounced(
  fx: IdentityFixture,
  announcement: { key: string; payload: SessionRevoked } | undefined,
  expected: { accountId: string; sessionIds: string[]; reason: string },
) {
  expect(announcement).toBeDefined();
  const { key, payload } = announcement!;
  expect(key).toBe(expected.accountId);
  expect(payload).toMatchObject({ accountId: expected.accountId, reason: expected.reason });
  expect([...payload.sessionIds].sort()).toEqual([...expected.sessionIds].sort());
  const row = await sessionRow(fx, expected.sessionIds[0]!);
  expect(row.revokeReason).toBe(expected.reason);
  expect(new Date(payload.at).getTime()).toBe(new Date(row.revokedAt!).getTime());
  expect(new Date(payload.tokensValidUntil).getTime() - new Date(payload.at).getTime()).toBe(
    ACCESS_TOKEN_TTL_SECONDS * 1000,
  );
}

describe.each(drivers)('identity.session.revoked on %s', (driver) => {
  const fx = useIdentity(driver);

  beforeEach(async () => {
    await fx.identity.orm.em.fork().nativeDelete(OutboxMessage, {});
  });

  it('revokeSessions ends exactly the live matching sessions and announces exactly them, once', async () => {
    const keep = await sessionOf(fx, RESIDENT);
    const other = await sessionOf(fx, RESIDENT);
    const ended = await sessionOf(fx, RESIDENT);
    const accountId = keep.account.id;
    await revokeSessions(
      fx.identity.orm.em.fork(),
      { accountId, id: ended.id },
      'signed-out',
      fx.clock.now(),
    );
    await fx.identity.orm.em.fork().nativeDelete(OutboxMessage, {});
    const expected = (await liveSessionIds(fx, accountId)).filter((id) => id !== keep.id);
    expect(expected).toContain(other.id);
    expect(expected).not.toContain(ended.id);

    fx.counter.reset();
    const revoked = await revokeSessions(
      fx.identity.orm.em.fork(),
      { accountId, id: { $ne: keep.id } },
      'password-changed',
      fx.clock.now(),
    );

    expect(revoked).toBe(expected.length);
    // PostgreSQL: the rows are locked, so the UPDATE and the event name the same sessions.
    if (driver === 'postgresql') {
      expect(fx.counter.selects().some((q) => /account_session.*for update/i.test(q))).toBe(true);
    }
    const rows = await announcements(fx);
    expect(rows).toHaveLength(1);
    await expectAnnounced(fx, rows[0], { accountId, sessionIds: expected, reason: 'password-changed' });
    expect(await liveSessionIds(fx, accountId)).toEqual([keep.id]);
    // The already-ended session kept its first reason.
    expect((await sessionRow(fx, ended.id)).revokeReason).toBe('signed-out');
  });

  it('signing out announces the one session; signing out again announces nothing', async () => {
    const session = await sessionOf(fx, RESIDENT);
    const out = await data<SignOut>(fx, SIGN_OUT, {}, { viewer: session.viewer });
    expect(out.signOut).toMatchObject({ ok: true, revokedSessions: 1 });
    const rows = await announcements(fx);
    expect(rows).toHaveLength(1);
    await expectAnnounced(fx, rows[0], {
      accountId: session.account.id,
      sessionIds: [session.id],
      reason: 'signed-out',
    });

    const again = await data<SignOut>(fx, SIGN_OUT, {}, { viewer: session.viewer });
    expect(again.signOut).toMatchObject({ ok: true, revokedSessions: 0 });
    expect(await announcements(fx)).toHaveLength(1);
  });

  it('signing out everywhere announces every live session of the account in one event', async () => {
    const first = await sessionOf(fx, RESIDENT);
    const second = await sessionOf(fx, RESIDENT);
    const expected = await liveSessionIds(fx, first.account.id);
    expect(expected).toEqual(expect.arrayContaining([first.id, second.id]));

    const out = await data<SignOut>(fx, SIGN_OUT, { e: true }, { viewer: second.viewer });

    expect(out.signOut.revokedSessions).toBe(expected.length);
    const rows = await announcements(fx);
    expect(rows).toHaveLength(1);
    await expectAnnounced(fx, rows[0], {
      accountId: first.account.id,
      sessionIds: expected,
      reason: 'signed-out-everywhere',
    });
    expect(await liveSessionIds(fx, first.account.id)).toEqual([]);
  });

  it('a reused refresh token announces its session once; a normal refresh announces nothing', async () => {
    const first = await sessionOf(fx, RESIDENT);
    const second = await refresh(fx, first.refreshToken);
    expect(second.ok).toBe(true);
    expect(await announcements(fx)).toHaveLength(0);

    expect((await refresh(fx, first.refreshToken)).ok).toBe(false);
    const rows = await announcements(fx);
    expect(rows).toHaveLength(1);
    await expectAnnounced(fx, rows[0], {
      accountId: first.account.id,
      sessionIds: [first.id],
      reason: 'refresh-token-reuse',
    });

    // The session is already over: presenting either token again changes and announces nothing.
    expect((await refresh(fx, first.refreshToken)).ok).toBe(false);
    expect((await refresh(fx, second.session!.refreshToken)).ok).toBe(false);
    expect(await announcements(fx)).toHaveLength(1);
  });

  it('an expired session that is refreshed is revoked and announced', async () => {
    const session = await sessionOf(fx, RESIDENT);
    const row = await sessionRow(fx, session.id);
    fx.clock.advance(new Date(row.idleExpiresAt).getTime() - fx.clock.now() + 1000);
    expect((await refresh(fx, session.refreshToken)).ok).toBe(false);
    const rows = await announcements(fx);
    expect(rows).toHaveLength(1);
    await expectAnnounced(fx, rows[0], {
      accountId: session.account.id,
      sessionIds: [session.id],
      reason: 'expired',
    });
  });

  it('locking an account announces its sessions with the reason', async () => {
    const admin = await sessionOf(fx, ADMIN);
    const editor = await sessionOf(fx, EDITOR);
    await fx.identity.orm.em.fork().nativeDelete(OutboxMessage, {});
    const expected = await liveSessionIds(fx, editor.account.id);
    try {
      const locked = await data<{ setAccountState: { ok: boolean } }>(
        fx,
        SET_STATE,
        { id: editor.account.id, s: 'LOCKED' },
        { viewer: admin.viewer },
      );
      expect(locked.setAccountState.ok).toBe(true);
      const rows = await announcements(fx);
      expect(rows).toHaveLength(1);
      await expectAnnounced(fx, rows[0], {
        accountId: editor.account.id,
        sessionIds: expected,
        reason: 'account-locked',
      });
    } finally {
      await data(fx, SET_STATE, { id: editor.account.id, s: 'ACTIVE' }, { viewer: admin.viewer });
    }
  });

  it('a rolled-back transaction neither revokes nor announces', async () => {
    const session = await sessionOf(fx, RESIDENT);
    const em = fx.identity.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        const revoked = await revokeSessions(
          tx,
          { accountId: session.account.id, id: session.id },
          'signed-out',
          fx.clock.now(),
        );
        expect(revoked).toBe(1);
        // Recorded inside the transaction…
        expect(await tx.count(OutboxMessage, { topic: SESSION_REVOKED_TOPIC })).toBe(1);
        throw new Error('something later in the same change failed');
      }),
    ).rejects.toThrow('something later');
    // …and gone with it.
    expect(await announcements(fx)).toHaveLength(0);
    expect(await liveSessionIds(fx, session.account.id)).toContain(session.id);
  });

  it("kit's relay publishes the announcement as a bus event", async () => {
    const log = createLogger('test', 'silent');
    const bus = new InProcessBus({ log });
    const relay = new OutboxRelay({ orm: fx.identity.orm, bus, log });
    const got: BusEvent[] = [];
    await bus.subscribe('test-revocations', SESSION_REVOKED_TOPIC, async (event) => void got.push(event));
    try {
      const session = await sessionOf(fx, RESIDENT);
      await data<SignOut>(fx, SIGN_OUT, {}, { viewer: session.viewer });
      expect(await relay.runOnce()).toMatchObject({ published: 1, failed: 0 });
      await bus.idle();
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        topic: SESSION_REVOKED_TOPIC,
        key: session.account.id,
        payload: { accountId: session.account.id, sessionIds: [session.id], reason: 'signed-out' },
      });
    } finally {
      await bus.close();
    }
  });
});
