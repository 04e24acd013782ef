import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Driver } from '../db/orm.js';

/**
 * Database tests run on every driver: SQLite and the PostgreSQL on this machine.
 * TEST_DATABASES=sqlite (or postgresql) narrows the set; TEST_DATABASE_URL points at the server.
 */
export function testDrivers(): Driver[] {
  const only = process.env.TEST_DATABASES?.split(',').map((s) => s.trim());
  const all: Driver[] = ['sqlite', 'postgresql'];
  return only?.length ? all.filter((d) => only.includes(d)) : all;
}

export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  driver: Driver;
  /** Set for PostgreSQL: a fresh database just for this suite. */
  databaseUrl?: string;
  /** Set for SQLite: a throwaway in-memory database. */
  sqliteFile?: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, empty database for one test suite: an in-memory SQLite file, or a new PostgreSQL
 * database (so suites can run in parallel and each subgraph keeps its real schema name).
 */
export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'sqlite') return { driver, sqliteFile: ':memory:', drop: async () => {} };
  const name = `bianmin_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    driver,
    databaseUrl: withDatabase(TEST_SERVER_URL, name),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Counts SQL statements; pass `counter.onQuery` to createOrm. */
export function queryCounter() {
  const statements: string[] = [];
  return {
    statements,
    onQuery: (message: string) => {
      // eslint-disable-next-line no-control-regex
      const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
      if (plain.startsWith('[query]')) statements.push(plain);
    },
    reset() {
      statements.length = 0;
    },
    selects(): string[] {
      return statements.filter((s) => /\bselect\b/i.test(s) && !/mikro_orm_migrations/.test(s));
    },
  };
}
export { createMigrationsForBothDrivers } from './create-migrations.js';
