import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile, signAccessToken, signingKeysFrom, type SigningKeys } from '@bianmin/kit';
import { startFixture, type Fixture } from './fixtures.js';

const QUERY = '{ products { id } }';
const client = (clientId: string, scopes: string[]) => ({
  accountId: null,
  clientId,
  scopes,
  roles: ['partner-client'],
});

let fixture: Fixture;
let keys: SigningKeys;
beforeAll(async () => {
  fixture = await startFixture({ env: { PARTNER_RATE_LIMIT_PER_MINUTE: '2' } });
  keys = await signingKeysFrom(await loadOrCreateKeyFile(fixture.keyFile));
});
afterAll(() => fixture.close());

async function post(token: string) {
  const response = await fetch(`${fixture.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    },
  };
}

describe('per-client rate limit', () => {
  it('answers 429 with Retry-After and RATE_LIMITED once a client passes its rate:<n> limit', async () => {
    const token = await signAccessToken(keys, client('c1', ['catalog:read', 'rate:3']));
    for (let i = 0; i < 3; i++) expect((await post(token)).status).toBe(200);
    const refused = await post(token);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body.data ?? null).toBeNull();
    // Another client has its own window.
    expect((await post(await signAccessToken(keys, client('c2', ['rate:3'])))).status).toBe(200);
  });

  it('uses PARTNER_RATE_LIMIT_PER_MINUTE for a client token without a rate scope', async () => {
    const token = await signAccessToken(keys, client('c3', ['catalog:read']));
    expect((await post(token)).status).toBe(200);
    expect((await post(token)).status).toBe(200);
    expect((await post(token)).status).toBe(429);
  });

  it('does not limit people signed in with their own account', async () => {
    const token = await signAccessToken(keys, { accountId: 'acc-1', roles: ['resident'] });
    for (let i = 0; i < 4; i++) expect((await post(token)).status).toBe(200);
  });
});
