import { describe, expect, it } from 'vitest';
import { publicJwks, verifyAccessToken } from '@bianmin/kit';
import { ApiClient } from '../src/modules/api-client/api-client.entity.js';
import { hashSecretToken } from '../src/modules/session/secret-token.js';
import { data, demo, drivers, RESIDENT, run, sessionOf, useIdentity, type UserErrorData } from './setup.js';

const PARTNER = demo('wukaifa');

const CLIENT_FIELDS = `clientId name scopes rateLimitPerMinute createdAt lastUsedAt usageCount previousSecretExpiresAt revokedAt`;
const REGISTER = `mutation ($input: RegisterApiClientInput!) { registerApiClient(input: $input) {
  ok error { code message field } clientSecret client { ${CLIENT_FIELDS} } } }`;
const ROTATE = `mutation ($id: String!) { rotateApiClientSecret(clientId: $id) {
  ok error { code message field } clientSecret client { ${CLIENT_FIELDS} } } }`;
const REVOKE = `mutation ($id: String!) { revokeApiClient(clientId: $id) { ok error { code message field } client { revokedAt } } }`;
const MY_CLIENTS = `{ myApiClients { ${CLIENT_FIELDS} } }`;
const ISSUE = `mutation ($id: String!, $secret: String!, $scopes: [String!]) {
  issueClientToken(clientId: $id, clientSecret: $secret, scopes: $scopes) {
    ok error { code message field } accessToken expiresAt scopes retryAfterSeconds } }`;

interface ClientData {
  clientId: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute: number;
  lastUsedAt: string | null;
  usageCount: number;
  previousSecretExpiresAt: string | null;
  revokedAt: string | null;
}
interface SecretResult {
  ok: boolean;
  error: UserErrorData | null;
  clientSecret: string | null;
  client: ClientData | null;
}
interface TokenResult {
  ok: boolean;
  error: UserErrorData | null;
  accessToken: string | null;
  expiresAt: string | null;
  scopes: string[] | null;
  retryAfterSeconds: number | null;
}

describe.each(drivers)('partner API clients on %s', (driver) => {
  const fx = useIdentity(driver);

  const developer = () => sessionOf(fx, PARTNER);
  async function register(input: Record<string, unknown>) {
    const { viewer } = await developer();
    return (await data<{ registerApiClient: SecretResult }>(fx, REGISTER, { input }, { viewer }))
      .registerApiClient;
  }
  const issue = async (id: string, secret: string, scopes?: string[]) =>
    (await data<{ issueClientToken: TokenResult }>(fx, ISSUE, { id, secret, scopes })).issueClientToken;

  it('lets only partner developers register: a resident gets FORBIDDEN and nothing is created', async () => {
    const { viewer } = await sessionOf(fx, RESIDENT);
    const before = await fx.identity.orm.em.fork().count(ApiClient, {});
    const result = await run<{ registerApiClient: SecretResult }>(
      fx,
      REGISTER,
      { input: { name: 'x', scopes: ['catalog:read'] } },
      { viewer },
    );
    expect(result.data?.registerApiClient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fx.identity.orm.em.fork().count(ApiClient, {})).toBe(before);
  });

  it('refuses unknown scopes and bad names as BAD_USER_INPUT', async () => {
    expect((await register({ name: 'x', scopes: ['admin:all'] })).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scopes',
    });
    expect((await register({ name: ' ', scopes: ['catalog:read'] })).error).toMatchObject({ field: 'name' });
    expect(
      (await register({ name: 'x', scopes: ['catalog:read'], rateLimitPerMinute: 6001 })).error,
    ).toMatchObject({ field: 'rateLimitPerMinute' });
  });

  it('shows the secret once and stores only its hash; the secret gets a token kit verifies', async () => {
    const registered = await register({ name: '云湖出行', scopes: ['identity:verify', 'catalog:read'] });
    expect(registered.ok).toBe(true);
    const { clientId, scopes, rateLimitPerMinute, usageCount } = registered.client!;
    expect(clientId).toMatch(/^pc_[A-Za-z0-9_-]{16}$/);
    expect(scopes).toEqual(['catalog:read', 'identity:verify']);
    expect(rateLimitPerMinute).toBe(600);
    expect(usageCount).toBe(0);
    const secret = registered.clientSecret!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = (await fx.identity.orm.em.fork().findOneOrFail(ApiClient, { clientId })) as ApiClient;
    expect(row.secretHash).toBe(hashSecretToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    // The list never carries a secret.
    const { viewer } = await developer();
    const listed = await data<{ myApiClients: ClientData[] }>(fx, MY_CLIENTS, {}, { viewer });
    expect(listed.myApiClients.map((c) => c.clientId)).toContain(clientId);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const token = await issue(clientId, secret, ['catalog:read']);
    expect(token).toMatchObject({ ok: true, error: null, scopes: ['catalog:read'] });
    const verified = await verifyAccessToken(publicJwks(fx.keyFile), token.accessToken!, {
      now: fx.clock.now(),
    });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.identity).toMatchObject({
      accountId: null,
      personId: null,
      clientId,
      roles: ['partner-client'],
      scopes: ['catalog:read', 'rate:600'],
    });
    const ttl = Date.parse(token.expiresAt!) - fx.clock.now();
    expect(ttl).toBeGreaterThan(598_000);
    expect(ttl).toBeLessThanOrEqual(600_000);

    // Usage is counted.
    await issue(clientId, secret);
    const after = (await fx.identity.orm.em.fork().findOneOrFail(ApiClient, { clientId })) as ApiClient;
    expect(after.usageCount).toBe(2);
    expect(after.lastUsedAt).not.toBeNull();
  });

  it('refuses a scope outside the client, and a wrong secret, then rate-limits the client id', async () => {
    const { client, clientSecret } = await register({ name: 'limits', scopes: ['catalog:read'] });
    const id = client!.clientId;
    expect((await issue(id, clientSecret!, ['catalog:write'])).error).toMatchObject({
      code: 'FORBIDDEN',
      field: 'scopes',
    });
    const wrong = 'A'.repeat(43);
    for (let i = 0; i < 10; i++)
      expect((await issue(id, wrong)).error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const refused = await issue(id, clientSecret!);
    expect(refused).toMatchObject({ ok: false, accessToken: null, error: { code: 'RATE_LIMITED' } });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    const row = (await fx.identity.orm.em.fork().findOneOrFail(ApiClient, { clientId: id })) as ApiClient;
    expect(row.usageCount).toBe(0);
  });

  it('keeps the old secret valid during the 24 h grace after a rotation, and not after', async () => {
    const { client, clientSecret: oldSecret } = await register({ name: 'rotate', scopes: ['catalog:read'] });
    const id = client!.clientId;
    const { viewer } = await developer();
    const rotated = (await data<{ rotateApiClientSecret: SecretResult }>(fx, ROTATE, { id }, { viewer }))
      .rotateApiClientSecret;
    expect(rotated.ok).toBe(true);
    expect(rotated.clientSecret).not.toBe(oldSecret);
    expect(rotated.client!.previousSecretExpiresAt).not.toBeNull();

    expect((await issue(id, oldSecret!)).ok).toBe(true);
    expect((await issue(id, rotated.clientSecret!)).ok).toBe(true);
    fx.clock.advance(24 * 60 * 60 * 1000 + 1000);
    expect((await issue(id, oldSecret!)).error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await issue(id, rotated.clientSecret!)).ok).toBe(true);
  });

  it('refuses tokens once revoked; another developer cannot touch the client', async () => {
    const { client, clientSecret } = await register({ name: 'revoke', scopes: ['catalog:read'] });
    const id = client!.clientId;
    const { viewer: resident } = await sessionOf(fx, RESIDENT);
    const notMine = await run<{ revokeApiClient: { ok: boolean; error: UserErrorData } }>(
      fx,
      REVOKE,
      { id },
      { viewer: resident },
    );
    expect(notMine.data?.revokeApiClient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const { viewer } = await developer();
    const revoked = await data<{ revokeApiClient: { ok: boolean; client: { revokedAt: string } } }>(
      fx,
      REVOKE,
      { id },
      { viewer },
    );
    expect(revoked.revokeApiClient.ok).toBe(true);
    expect(revoked.revokeApiClient.client.revokedAt).not.toBeNull();
    expect((await issue(id, clientSecret!)).error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const again = await data<{ revokeApiClient: { ok: boolean; error: UserErrorData } }>(
      fx,
      REVOKE,
      { id },
      { viewer },
    );
    expect(again.revokeApiClient.error).toMatchObject({ code: 'CONFLICT' });
  });
});
