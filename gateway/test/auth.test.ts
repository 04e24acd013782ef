import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT, exportJWK } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  loadOrCreateKeyFile,
  rotateKeyFile,
  signAccessToken,
  signingKeysFrom,
  verifyInternalIdentity,
  type SigningKeys,
} from '@bianmin/kit';
import { startFixture, TEST_INTERNAL_SECRET, type Fixture } from './fixtures.js';

const QUERY = '{ seenHeaders { identity } }';
const RESIDENT = { accountId: 'acc-1', personId: 'person-1', roles: ['resident'], sessionId: 'sess-1' };

let fixture: Fixture;
let keys: SigningKeys;
beforeAll(async () => {
  fixture = await startFixture();
  keys = await signingKeysFrom(await loadOrCreateKeyFile(fixture.keyFile));
});
afterAll(() => fixture.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function seenIdentity(token: string) {
  const { status, body } = await fixture.query(QUERY, bearer(token));
  return {
    status,
    body,
    identity: body.data
      ? verifyInternalIdentity(
          (body.data as { seenHeaders: { identity: string } }).seenHeaders.identity,
          TEST_INTERNAL_SECRET,
        )
      : null,
  };
}

function expectRefused(
  result: { status: number; body: { errors?: Array<{ extensions?: Record<string, unknown> }> } },
  reason = 'TOKEN_INVALID',
) {
  expect(result.status).toBe(401);
  expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
}

describe('access tokens at the gateway', () => {
  it('passes the verified identity to subgraphs, signed', async () => {
    const result = await seenIdentity(await signAccessToken(keys, RESIDENT));
    expect(result.status).toBe(200);
    expect(result.identity).toMatchObject({
      ok: true,
      identity: { accountId: 'acc-1', personId: 'person-1', roles: ['resident'] },
    });
  });

  it('refuses alg: none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'acc-1', roles: ['administrator'], iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, iat: 1, exp: 9_999_999_999 })}.`;
    expectRefused(await seenIdentity(token));
  });

  it('refuses an HS256 token signed with the public key', async () => {
    const publicKey = keys.jwks.keys[0]!;
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: publicKey.kid });
    const payload = b64({
      sub: 'acc-1',
      roles: ['administrator'],
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: 1,
      exp: 9_999_999_999,
    });
    const mac = createHmac('sha256', Buffer.from(publicKey.x!, 'base64url'))
      .update(`${header}.${payload}`)
      .digest('base64url');
    expectRefused(await seenIdentity(`${header}.${payload}.${mac}`));
  });

  it('refuses an expired token, saying so', async () => {
    const token = await signAccessToken(keys, RESIDENT, { now: Date.now() - 3_600_000, ttlSeconds: 600 });
    expectRefused(await seenIdentity(token), 'TOKEN_EXPIRED');
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [iss, aud] of [
      [ACCESS_TOKEN_ISSUER, 'someone-else'],
      ['evil-issuer', ACCESS_TOKEN_AUDIENCE],
    ] as const) {
      const token = await new SignJWT({ roles: ['resident'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid })
        .setSubject('acc-1')
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(keys.privateKey);
      expectRefused(await seenIdentity(token));
    }
  });

  it('refuses a token signed by a key it does not know', async () => {
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const strangerKeys: SigningKeys = {
      kid: 'unknown-kid',
      privateKey: stranger.privateKey,
      jwks: { keys: [await exportJWK(stranger.publicKey)] },
    };
    expectRefused(await seenIdentity(await signAccessToken(strangerKeys, RESIDENT)));
  });

  it('refuses a token whose payload was changed', async () => {
    const [header, , signature] = (await signAccessToken(keys, RESIDENT)).split('.');
    const forged = b64({
      sub: 'acc-1',
      roles: ['administrator'],
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: 1,
      exp: 9_999_999_999,
    });
    expectRefused(await seenIdentity(`${header}.${forged}.${signature}`));
  });

  it('refuses a malformed Authorization header', async () => {
    const { status } = await fixture.query(QUERY, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(status).toBe(401);
  });

  it('publishes the current and next public keys, and no private part', async () => {
    const res = await fetch(`${fixture.base}/.well-known/jwks.json`);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const jwks = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('accepts tokens from the rotated-in key at once: it was published as "next" before it signed', async () => {
    const rotated = await signingKeysFrom(await rotateKeyFile(fixture.keyFile));
    const result = await seenIdentity(await signAccessToken(rotated, RESIDENT));
    expect(result.status).toBe(200);
    expect(result.identity).toMatchObject({ ok: true, identity: { accountId: 'acc-1' } });
  });
});
