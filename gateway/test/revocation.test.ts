import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  InProcessBus,
  loadOrCreateKeyFile,
  signAccessToken,
  signingKeysFrom,
  type Identity,
  type SigningKeys,
} from '@bianmin/kit';
import { SESSION_REVOKED_TOPIC } from '../src/gateway.js';
import { capturingLogger, silent, startFixture, type Fixture, type GraphQLBody } from './fixtures.js';

const QUERY = '{ seenHeaders { requestId } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A movable clock for the revoked-session list (token checks keep the real one). */
const clock = { offset: 0, now: () => Date.now() + clock.offset };

let bus: InProcessBus;
let fixture: Fixture;
let keys: SigningKeys;
const capture = capturingLogger();

beforeAll(async () => {
  bus = new InProcessBus({ log: silent });
  fixture = await startFixture({ bus, log: capture.log, revokedSessions: { now: clock.now } });
  keys = await signingKeysFrom(await loadOrCreateKeyFile(fixture.keyFile));
});
afterAll(async () => {
  await fixture.close();
  await bus.close();
});

const resident = (sessionId: string | null): Identity => ({
  accountId: 'acc-1',
  personId: 'person-1',
  roles: ['resident'],
  sessionId,
});

/** What identity's outbox relay publishes when sessions end. */
async function announceRevoked(
  sessionIds: string[],
  tokensValidUntil = Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000,
) {
  await publish({
    accountId: 'acc-1',
    sessionIds,
    reason: 'signed-out',
    at: new Date(tokensValidUntil - ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
    tokensValidUntil: new Date(tokensValidUntil).toISOString(),
  });
}

async function publish(payload: unknown) {
  await bus.publish({
    id: randomUUID(),
    topic: SESSION_REVOKED_TOPIC,
    key: 'acc-1',
    payload,
    headers: {},
    occurredAt: new Date().toISOString(),
  });
  // Delivered asynchronously: wait until every subscriber has handled it.
  await bus.idle();
}

async function statusWith(token: string, f = fixture) {
  return (await f.query(QUERY, bearer(token))).status;
}

function expectSessionEnded(result: { status: number; body: GraphQLBody }) {
  expect(result.status).toBe(401);
  expect(result.body.data ?? null).toBeNull();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors?.[0]).toMatchObject({
    message: 'The session has ended; sign in again.',
    extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' },
  });
}

describe('session revocation at the gateway', () => {
  it("refuses a valid token once identity announces its session's end; other sessions keep working", async () => {
    const ended = await signAccessToken(keys, resident('sess-ended'));
    const other = await signAccessToken(keys, resident('sess-other'));
    const partner = await signAccessToken(keys, {
      accountId: null,
      roles: [],
      clientId: 'client-1',
      scopes: ['catalog:read'],
    });
    expect(await statusWith(ended)).toBe(200);

    await announceRevoked(['sess-ended']);

    expectSessionEnded(await fixture.query(QUERY, bearer(ended)));
    const response = await fetch(`${fixture.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(ended) },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    // A token of that session signed later (a refresh racing the sign-out) is refused too.
    expectSessionEnded(
      await fixture.query(QUERY, bearer(await signAccessToken(keys, resident('sess-ended')))),
    );
    expect(await statusWith(other)).toBe(200);
    expect(await statusWith(partner)).toBe(200);
    expect((await fixture.query(QUERY)).status).toBe(200);
  });

  it('forgets an entry once no token of its session can be valid any more', async () => {
    const token = await signAccessToken(keys, resident('sess-forgotten'));
    const validUntil = clock.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    await announceRevoked(['sess-forgotten'], validUntil);
    expect(await statusWith(token)).toBe(401);
    const size = fixture.gateway.revokedSessions.size;

    // Past tokensValidUntil and the grace period: the entry is dropped. (The token itself still
    // verifies here only because the test moved the list's clock, not the token check's.)
    clock.offset += ACCESS_TOKEN_TTL_SECONDS * 1000 + 30_000 + 1000;
    try {
      expect(await statusWith(token)).toBe(200);
      expect(fixture.gateway.revokedSessions.size).toBe(size - 1);
    } finally {
      clock.offset = 0;
    }
  });

  it('does not add an announcement whose tokens have all expired', async () => {
    const size = fixture.gateway.revokedSessions.size;
    await announceRevoked(['sess-long-ago'], clock.now() - 3_600_000);
    expect(fixture.gateway.revokedSessions.size).toBe(size);
    expect(fixture.gateway.revokedSessions.has('sess-long-ago')).toBe(false);
  });

  it('ignores a payload it does not understand, with a log line, and keeps going', async () => {
    const size = fixture.gateway.revokedSessions.size;
    await publish({ sessionIds: 'sess-x', tokensValidUntil: 'soon' });
    expect(fixture.gateway.revokedSessions.size).toBe(size);
    const line = capture.lines.find((l) => l.event === 'session-revoked-invalid');
    expect(line).toMatchObject({ level: 40, msg: 'session revocation ignored: payload not understood' });
    expect(line!.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^sessionIds: /)]));

    // A tolerant reader: fields it does not need may go or change.
    const token = await signAccessToken(keys, resident('sess-tolerant'));
    await publish({
      sessionIds: ['sess-tolerant'],
      tokensValidUntil: new Date(Date.now() + 600_000).toISOString(),
      reason: 'something-new',
      extra: { nested: true },
    });
    expect(await statusWith(token)).toBe(401);
  });

  it('every gateway instance learns every revocation, and one that stopped listens no more', async () => {
    const second = await startFixture({ bus, keyFile: fixture.keyFile });
    try {
      const token = await signAccessToken(keys, resident('sess-everywhere'));
      expect(await statusWith(token, second)).toBe(200);
      await announceRevoked(['sess-everywhere']);
      expect(await statusWith(token)).toBe(401);
      expect(await statusWith(token, second)).toBe(401);
    } finally {
      await second.close();
    }
    await announceRevoked(['sess-after-stop']);
    expect(fixture.gateway.revokedSessions.has('sess-after-stop')).toBe(true);
    expect(second.gateway.revokedSessions.has('sess-after-stop')).toBe(false);
  });
});
