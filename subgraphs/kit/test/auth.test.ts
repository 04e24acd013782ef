import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { defineEntity, p } from '@mikro-orm/core';
import {
  createOrm,
  createSubgraph,
  DEV_INTERNAL_AUTH_SECRET,
  IDENTITY_HEADER,
  signInternalIdentity,
  verifyInternalIdentity,
} from '../src/index.js';

const SECRET = 'kit-test-internal-secret-0123456789abcdefgh';

describe('the internal identity header', () => {
  const identity = { accountId: 'acc-1', roles: ['resident'] };

  it('round-trips a signed identity', () => {
    expect(verifyInternalIdentity(signInternalIdentity(identity, SECRET), SECRET)).toEqual({
      ok: true,
      identity,
    });
  });

  it('refuses another secret, a changed payload, an expired token and garbage', () => {
    const token = signInternalIdentity(identity, SECRET);
    expect(verifyInternalIdentity(token, `${SECRET}x`)).toEqual({ ok: false, problem: 'bad-signature' });
    const [v, , mac] = token.split('.');
    const changed = Buffer.from(
      JSON.stringify({ id: { accountId: 'acc-1', roles: ['administrator'] }, iat: 1, exp: 9_999_999_999 }),
    ).toString('base64url');
    expect(verifyInternalIdentity(`${v}.${changed}.${mac}`, SECRET)).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    const old = signInternalIdentity(identity, SECRET, { now: Date.now() - 120_000 });
    expect(verifyInternalIdentity(old, SECRET)).toEqual({ ok: false, problem: 'expired' });
    expect(verifyInternalIdentity('nonsense', SECRET)).toEqual({ ok: false, problem: 'malformed' });
  });
});

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  directive @public on OBJECT | FIELD_DEFINITION
  directive @auth(requires: [String!]! = [], scopes: [String!]! = []) on OBJECT | FIELD_DEFINITION
  directive @sensitive(kind: String!) on FIELD_DEFINITION
  type Query {
    verify: String @auth(scopes: ["identity:verify"])
    card: Card @public
    hello: String @public
    mine: String @auth
    staffOnly: String @auth(requires: ["department-staff", "administrator"])
    forgotten: String
    profile: Profile @public
  }
  type Profile @auth { name: String  nickname: String @public }
  type Result @public { ok: Boolean!  error: Err }
  type Err @public { code: String!  message: String!  field: String }
  type Card @public { idNumber: String @sensitive(kind: "ID_NUMBER")  phone: String @sensitive(kind: "PHONE") }
  type Mutation { doIt: Result! @auth(requires: ["administrator"]) }
`);

const Nothing = defineEntity({
  name: 'Nothing',
  tableName: 'nothing',
  properties: { id: p.string().primary() },
});

async function subgraph() {
  const orm = await createOrm({
    domain: 'authtest',
    entities: [Nothing],
    migrations: { sqlite: [], postgresql: [] },
    sqliteFile: ':memory:',
  });
  return createSubgraph({
    name: 'authtest',
    typeDefs,
    orm,
    internalSecret: SECRET,
    loaders: () => ({}),
    resolvers: {
      Query: {
        card: () => ({ idNumber: '110101199003071234', phone: '13812345678' }),
        hello: () => 'hi',
        mine: () => 'mine',
        verify: () => 'verified',
        staffOnly: () => 'staff',
        forgotten: () => 'leak',
        profile: () => ({ name: '张三', nickname: '小张' }),
      },
      Mutation: { doIt: () => ({ ok: true, error: null }) },
    },
  });
}

describe('authorization directives (deny by default)', () => {
  const resident = { accountId: 'acc-1', roles: ['resident'] };
  const staff = { accountId: 'acc-2', roles: ['department-staff'] };

  it('lets anyone read @public fields, and nobody read an undeclared one', async () => {
    const sub = await subgraph();
    const anon = await sub.execute<{ hello: string }>('{ hello }');
    expect(anon.data?.hello).toBe('hi');
    for (const viewer of [undefined, resident, { accountId: 'root', roles: ['administrator'] }]) {
      const r = await sub.execute('{ forgotten }', {}, viewer);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data?.forgotten ?? null).toBeNull();
    }
    await sub.stop(0);
  });

  it('requires sign-in for @auth and one of the roles when listed', async () => {
    const sub = await subgraph();
    expect((await sub.execute('{ mine }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await sub.execute<{ mine: string }>('{ mine }', {}, resident)).data?.mine).toBe('mine');
    expect((await sub.execute('{ staffOnly }', {}, resident)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await sub.execute<{ staffOnly: string }>('{ staffOnly }', {}, staff)).data?.staffOnly).toBe(
      'staff',
    );
    await sub.stop(0);
  });

  it('lets a partner API client reach only @public fields and @auth fields opened to one of its scopes', async () => {
    const sub = await subgraph();
    const client = { accountId: null, clientId: 'cli-1', roles: [], scopes: ['identity:verify'] };
    expect((await sub.execute<{ hello: string }>('{ hello }', {}, client)).data?.hello).toBe('hi');
    expect((await sub.execute<{ verify: string }>('{ verify }', {}, client)).data?.verify).toBe('verified');
    // Any signed-in person may read `mine`; a client token may not: it lists no scope.
    expect((await sub.execute('{ mine }', {}, client)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = { ...client, scopes: ['catalog:read'] };
    const refused = await sub.execute('{ verify }', {}, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('identity:verify');
    // A person's token does not need the scope: scopes are for API clients.
    expect((await sub.execute<{ verify: string }>('{ verify }', {}, resident)).data?.verify).toBe('verified');
    await sub.stop(0);
  });

  it('applies a type-level directive to every field, a field-level one overriding it', async () => {
    const sub = await subgraph();
    const anon = await sub.execute<{ profile: { name: string | null; nickname: string } }>(
      '{ profile { name nickname } }',
    );
    expect(anon.data?.profile).toEqual({ name: null, nickname: '小张' });
    expect(anon.errors?.[0]).toMatchObject({
      path: ['profile', 'name'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await sub.stop(0);
  });

  it('reports a refused mutation as { ok: false, error } and does not run it', async () => {
    const sub = await subgraph();
    const r = await sub.execute<{ doIt: { ok: boolean; error: { code: string } } }>(
      'mutation { doIt { ok error { code } } }',
      {},
      resident,
    );
    expect(r.data?.doIt).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    await sub.stop(0);
  });

  it('refuses a forged identity header over HTTP with 401, and treats no header as anonymous', async () => {
    const sub = await subgraph();
    const port = await sub.listen(0, '127.0.0.1');
    const post = (headers: Record<string, string>, query: string) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
    const forged = signInternalIdentity(
      { accountId: 'x', roles: ['administrator'] },
      DEV_INTERNAL_AUTH_SECRET,
    );
    const refused = await post({ [IDENTITY_HEADER]: forged }, '{ hello }');
    expect(refused.status).toBe(401);
    expect(
      ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions
        .code,
    ).toBe('UNAUTHENTICATED');
    const direct = (await (await post({}, '{ hello staffOnly }')).json()) as {
      data: { hello: string; staffOnly: null };
      errors: unknown[];
    };
    expect(direct.data.hello).toBe('hi');
    expect(direct.data.staffOnly).toBeNull();
    const genuine = signInternalIdentity(staff, SECRET);
    const ok = (await (await post({ [IDENTITY_HEADER]: genuine }, '{ staffOnly }')).json()) as {
      data: { staffOnly: string };
    };
    expect(ok.data.staffOnly).toBe('staff');
    await sub.stop(0);
  });

  it('masks @sensitive fields whoever asks', async () => {
    const sub = await subgraph();
    for (const viewer of [undefined, resident, { accountId: 'root', roles: ['administrator'] }]) {
      const r = await sub.execute<{ card: { idNumber: string; phone: string } }>(
        '{ card { idNumber phone } }',
        {},
        viewer,
      );
      expect(r.data?.card).toEqual({ idNumber: '110***********1234', phone: '138****5678' });
    }
    await sub.stop(0);
  });
});
