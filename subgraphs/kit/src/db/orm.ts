import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../logger.js';
import { countSqlStatements, sqlMetricsEnabled } from './sql-metrics.js';

export type Driver = 'sqlite' | 'postgresql';

export interface OrmOptions {
  /** The domain's name: the SQLite file name and the PostgreSQL schema. */
  domain: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  /** One list per driver: their SQL differs (STACK.md). */
  migrations: Record<Driver, MigrationObject[]>;
  /** PostgreSQL when set; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** Folder for SQLite files, or the exact file (`:memory:` for throwaway tests). */
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  /** Called with every SQL statement (tests count them to prove batching). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Count every statement for `GET /metrics` (sql-metrics.ts); default: `SQL_METRICS=true`. */
  countStatements?: boolean;
}

export type Orm = MikroORM;

export function driverOf(databaseUrl: string | undefined): Driver {
  return databaseUrl ? 'postgresql' : 'sqlite';
}

/** MikroORM options for the embedded default (SQLite) or PostgreSQL, with one schema per domain. */
export function ormConfig(options: OrmOptions): Options {
  const driver = driverOf(options.databaseUrl);
  const common = {
    entities: options.entities,
    discovery: { warnWhenNoEntities: true },
    debug: options.onQuery ? ['query' as const] : false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    migrations: {
      migrationsList: options.migrations[driver],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: join('src', 'db', 'migrations', driver),
      pathTs: join('src', 'db', 'migrations', driver),
      emit: 'ts' as const,
    },
    extensions: [Migrator],
    logger: (message: string) =>
      options.onQuery ? options.onQuery(message) : options.logger?.debug(message),
  };
  if (driver === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: options.databaseUrl,
      schema: options.domain,
      pool: { min: 0, max: options.poolMax ?? 10, idleTimeoutMillis: 30_000 },
    } as Options;
  }
  const file = options.sqliteFile ?? resolve(options.dataDir ?? '.data', `${options.domain}.sqlite`);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: file,
    pool: {
      // One connection: SQLite serialises writers anyway, and this makes BEGIN IMMEDIATE safe.
      min: 1,
      max: 1,
      afterCreate: (conn: { pragma(sql: string): unknown }, done: (err: unknown, conn: unknown) => void) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
        done(null, conn);
      },
    },
  } as Options;
}

/** Connect, make sure the domain's schema exists, and apply pending migrations. */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  const orm = await MikroORM.init(ormConfig(options));
  if (options.countStatements ?? sqlMetricsEnabled()) countSqlStatements(orm, options.domain);
  if (driverOf(options.databaseUrl) === 'postgresql') {
    await orm.em.getConnection().execute(`create schema if not exists "${options.domain}"`);
  }
  await orm.getMigrator().up();
  return orm;
}

/** Readiness: the database answers and no migration is pending. */
export async function checkDatabase(orm: Orm): Promise<{ ok: boolean; detail: string }> {
  try {
    await orm.em.getConnection().execute('select 1');
    const pending = await orm.getMigrator().getPendingMigrations();
    if (pending.length > 0) return { ok: false, detail: `${pending.length} migration(s) pending` };
    return { ok: true, detail: 'ok' };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
