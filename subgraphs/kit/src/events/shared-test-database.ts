import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntitySchema } from '@mikro-orm/core';
import { createOrm, type Driver, type Orm } from '../db/orm.js';
import { createTestDatabase } from '../testing/index.js';

/**
 * For tests of code that runs in several processes at once: one database (a SQLite file, or a
 * fresh PostgreSQL database) that several ORMs open, each with its own connections — as
 * several replicas would. The tables come from the entities, as a subgraph's migration would.
 *
 * SQLite caveat: better-sqlite3 is synchronous, so two connections to one file inside ONE process
 * deadlock as soon as one holds a transaction across an `await` (the other's busy wait blocks the
 * event loop). Several SQLite connections need several processes (see relay-process.fixture.ts).
 */
export interface SharedTestDatabase {
  /** Where it is, for another process to open it. */
  location: { databaseUrl?: string; sqliteFile?: string };
  open(): Promise<Orm>;
  drop(): Promise<void>;
}

export async function createSharedTestDatabase(
  driver: Driver,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[],
): Promise<SharedTestDatabase> {
  const db = await createTestDatabase(driver);
  const dir = driver === 'sqlite' ? await mkdtemp(join(tmpdir(), 'bianmin-kit-')) : undefined;
  const location = { databaseUrl: db.databaseUrl, sqliteFile: dir ? join(dir, 'shared.sqlite') : undefined };
  const orms: Orm[] = [];
  const open = async () => {
    const orm = await openSharedOrm(location, entities);
    if (orms.length === 0) await orm.schema.updateSchema();
    orms.push(orm);
    return orm;
  };
  await open();
  return {
    location,
    open,
    async drop() {
      await Promise.all(orms.map((orm) => orm.close(true)));
      await db.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export function openSharedOrm(
  location: SharedTestDatabase['location'],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[],
): Promise<Orm> {
  return createOrm({
    domain: 'kitevents',
    entities,
    migrations: { sqlite: [], postgresql: [] },
    databaseUrl: location.databaseUrl,
    sqliteFile: location.sqliteFile,
  });
}
