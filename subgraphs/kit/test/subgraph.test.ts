import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/core';
import { checkDatabase, createOrm, createSubgraph, ormConfig, type Subgraph } from '../src/index.js';
import { createTestDatabase, testDrivers, type TestDatabase } from '../src/testing/index.js';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { id: p.string().primary(), text: p.text() },
});
class CreateNoteSqlite extends Migration {
  override async up() {
    this.addSql('create table note (id varchar(36) primary key, text text not null)');
  }
}
class CreateNotePg extends Migration {
  override async up() {
    this.addSql('create table "kittest"."note" (id varchar(36) primary key, text text not null)');
  }
}

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  directive @public on OBJECT | FIELD_DEFINITION
  type Query @public { notes: [String!]! boom: String slow(ms: Int!): String }
`);

let release: (() => void) | null = null;
describe.each(testDrivers())('the subgraph factory on %s', (driver) => {
  let db: TestDatabase;
  let sub: Subgraph<object>;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase(driver);
    const orm = await createOrm({
      domain: 'kittest',
      entities: [Note],
      migrations: {
        sqlite: [{ name: 'CreateNote', class: CreateNoteSqlite }],
        postgresql: [{ name: 'CreateNote', class: CreateNotePg }],
      },
      databaseUrl: db.databaseUrl,
      sqliteFile: db.sqliteFile,
    });
    sub = createSubgraph({
      name: 'kittest',
      typeDefs,
      orm,
      loaders: () => ({}),
      resolvers: {
        Query: {
          notes: async (
            _: unknown,
            __: unknown,
            ctx: { em: { find: (e: unknown, w: object) => Promise<Array<{ text: string }>> } },
          ) => (await ctx.em.find(Note, {})).map((n) => n.text),
          boom: () => {
            throw new Error('secret connection string postgres://admin:pw@db');
          },
          slow: () => new Promise<string>((resolve) => (release = () => resolve('done'))),
        },
      },
    });
    base = `http://127.0.0.1:${await sub.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await sub.stop(500);
    await db.drop();
  });

  it('applies migrations on start and reports ready', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const r = await sub.execute<{ notes: string[] }>('{ notes }');
    expect(r.data?.notes).toEqual([]);
  });

  it('masks unexpected errors and returns a request id instead', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: JSON.stringify({ query: '{ boom }' }),
    });
    const body = (await res.json()) as { errors: Array<Record<string, unknown>> };
    expect(JSON.stringify(body)).not.toContain('postgres://');
    expect(body.errors[0]).toMatchObject({
      message: 'Internal error (request id req-123).',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' },
    });
  });

  it('refuses a body that is not JSON and one that is too large', async () => {
    const bad = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
    const big = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
  });

  it('serves the federation SDL for composition', async () => {
    const r = await sub.execute<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(r.data?._service.sdl).toContain('type Query');
  });

  it('finishes an in-flight request on shutdown, then refuses new connections', async () => {
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ slow(ms: 1) }' }),
    });
    release = null;
    // Wait until the resolver has really started before asking the server to stop.
    await expect.poll(() => release !== null).toBe(true);
    const stopping = sub.http.close(5000);
    expect(sub.http.draining).toBe(true);
    release!();
    const res = await inFlight;
    expect(((await res.json()) as { data: { slow: string } }).data.slow).toBe('done');
    await stopping;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe.each(testDrivers())('readiness before migrations on %s', (driver) => {
  it('reports not ready while a migration is pending, and ready once applied', async () => {
    const db = await createTestDatabase(driver);
    const options = {
      domain: 'kittest',
      entities: [Note],
      migrations: {
        sqlite: [{ name: 'CreateNote', class: CreateNoteSqlite }],
        postgresql: [{ name: 'CreateNote', class: CreateNotePg }],
      },
      databaseUrl: db.databaseUrl,
      sqliteFile: db.sqliteFile,
    };
    const orm = await MikroORM.init(ormConfig(options));
    try {
      if (driver === 'postgresql')
        await orm.em.getConnection().execute('create schema if not exists "kittest"');
      expect(await checkDatabase(orm)).toEqual({ ok: false, detail: '1 migration(s) pending' });
      await orm.getMigrator().up();
      expect(await checkDatabase(orm)).toEqual({ ok: true, detail: 'ok' });
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
