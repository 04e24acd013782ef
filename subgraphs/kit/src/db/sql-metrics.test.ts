import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createOrm } from './orm.js';
import { createSubgraph, type Subgraph } from '../server.js';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { id: p.string().primary(), text: p.text() },
});
class CreateNote extends Migration {
  override async up() {
    this.addSql('create table note (id varchar(36) primary key, text text not null)');
  }
}
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  directive @public on OBJECT | FIELD_DEFINITION
  type Query @public { notes: [String!]! }
`);

describe('the SQL statement counter', () => {
  let sub: Subgraph<object>;
  let base: string;

  beforeAll(async () => {
    const orm = await createOrm({
      domain: 'sqlmetrics',
      entities: [Note],
      migrations: { sqlite: [{ name: 'CreateNote', class: CreateNote }], postgresql: [] },
      sqliteFile: ':memory:',
      countStatements: true,
    });
    sub = createSubgraph({
      name: 'sqlmetrics',
      typeDefs,
      orm,
      sqlMetrics: true,
      loaders: () => ({}),
      resolvers: {
        Query: {
          notes: async (_: unknown, __: unknown, ctx: { em: typeof orm.em }) =>
            (await ctx.em.find(Note, {})).map((n) => n.text),
        },
      },
    });
    base = `http://127.0.0.1:${await sub.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => sub.stop(500));

  const counted = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const value = (source: string) =>
      Number(
        new RegExp(`bianmin_sql_statements_total\\{domain="sqlmetrics",source="${source}"\\} (\\d+)`).exec(
          text,
        )?.[1],
      );
    return { request: value('request'), background: value('background') };
  };

  it('counts the statements a GraphQL request runs, apart from background work', async () => {
    const before = await counted();
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ notes }' }),
    });
    expect(await answer.json()).toEqual({ data: { notes: [] } });
    await sub.orm.em.getConnection().execute('select 1');
    expect(await counted()).toEqual({ request: before.request + 1, background: before.background + 1 });
  });

  it('serves Prometheus text', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^# HELP bianmin_sql_statements_total /);
  });
});
