import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionTransport, tokensFrom } from './session-transport';

/** A stand-in gateway over real HTTP that answers with whatever the test sets. */
let reply: { status: number; body: unknown } = { status: 200, body: {} };
const requests: {
  authorization: string | undefined;
  body: { query: string; variables: Record<string, unknown> };
}[] = [];
const server = http.createServer((req, res) => {
  let text = '';
  req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  req.on('end', () => {
    requests.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.body));
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
});

const session = {
  accessToken: 'a2',
  accessTokenExpiresAt: '2026-11-29T01:10:00.000Z',
  refreshToken: 'r2',
  refreshTokenExpiresAt: '2026-12-06T01:00:00.000Z',
  account: { id: 'acc-1' },
};
const refreshResult = (value: object) => ({ status: 200, body: { data: { refreshSession: value } } });

describe('refresh', () => {
  it('sends the refresh token without a bearer token and reads the new tokens', async () => {
    reply = refreshResult({ ok: true, error: null, session });
    const outcome = await createSessionTransport(url).refresh('r1');
    expect(outcome).toEqual({
      ok: true,
      tokens: {
        accountId: 'acc-1',
        accessToken: 'a2',
        accessTokenExpiresAt: Date.parse('2026-11-29T01:10:00.000Z'),
        refreshToken: 'r2',
        refreshTokenExpiresAt: Date.parse('2026-12-06T01:00:00.000Z'),
      },
    });
    expect(requests[0]?.authorization).toBeUndefined();
    expect(requests[0]?.body.variables).toEqual({ refreshToken: 'r1' });
    expect(requests[0]?.body.query).toContain('refreshSession(refreshToken: $refreshToken)');
  });

  it('reads a refusal as the end of the session', async () => {
    reply = refreshResult({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '会话已结束' },
      session: null,
    });
    expect(await createSessionTransport(url).refresh('r1')).toEqual({ ok: false, reason: 'rejected' });
  });

  it('reads rate limits, server errors and broken answers as "try again later"', async () => {
    const transport = createSessionTransport(url);
    reply = refreshResult({ ok: false, error: { code: 'RATE_LIMITED', message: '稍后再试' }, session: null });
    expect(await transport.refresh('r1')).toEqual({ ok: false, reason: 'unreachable' });
    reply = { status: 503, body: { errors: [{ message: 'down' }] } };
    expect(await transport.refresh('r1')).toEqual({ ok: false, reason: 'unreachable' });
    reply = { status: 200, body: 'not graphql' };
    expect(await transport.refresh('r1')).toEqual({ ok: false, reason: 'unreachable' });
    expect(await createSessionTransport('http://127.0.0.1:1/graphql').refresh('r1')).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });
});

describe('signOut', () => {
  it('sends the bearer token, the refresh token and the scope', async () => {
    reply = { status: 200, body: { data: { signOut: { ok: true, error: null, revokedSessions: 3 } } } };
    await createSessionTransport(url).signOut({ refreshToken: 'r1', accessToken: 'a1', everywhere: true });
    expect(requests[0]?.authorization).toBe('Bearer a1');
    expect(requests[0]?.body.variables).toEqual({ refreshToken: 'r1', everywhere: true });
  });

  it('throws when the server did not confirm', async () => {
    reply = {
      status: 200,
      body: {
        data: {
          signOut: { ok: false, error: { code: 'UNAVAILABLE', message: '暂不可用' }, revokedSessions: 0 },
        },
      },
    };
    await expect(
      createSessionTransport(url).signOut({ refreshToken: 'r1', accessToken: 'a1', everywhere: false }),
    ).rejects.toThrow('暂不可用');
  });
});

describe('tokensFrom', () => {
  const jwt = (iat: number) =>
    ['e30', Buffer.from(JSON.stringify({ iat, exp: iat + 600 })).toString('base64url'), 'sig'].join('.');
  const issued = Date.parse('2026-11-29T01:00:00.000Z');
  const payload = (accessToken: string) => ({ ...session, accessToken });

  it('keeps the server times when this clock agrees with the server', () => {
    const tokens = tokensFrom(payload(jwt(issued / 1000)), issued + 2_000);
    expect(tokens.accessTokenExpiresAt).toBe(Date.parse(session.accessTokenExpiresAt));
  });

  it('moves the times onto a clock that runs 20 minutes fast', () => {
    const tokens = tokensFrom(payload(jwt(issued / 1000)), issued + 20 * 60_000);
    expect(tokens.accessTokenExpiresAt).toBe(Date.parse(session.accessTokenExpiresAt) + 20 * 60_000);
    expect(tokens.refreshTokenExpiresAt).toBe(Date.parse(session.refreshTokenExpiresAt) + 20 * 60_000);
  });

  it('uses the server times as they are when the token cannot be read', () => {
    expect(tokensFrom(payload('not-a-jwt'), 0).accessTokenExpiresAt).toBe(
      Date.parse(session.accessTokenExpiresAt),
    );
  });
});
