import { createOrm, type Logger, type Orm } from '@bianmin/kit';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface IdentityOrmOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export const identityOrmOptions = (options: IdentityOrmOptions) => ({
  domain: 'identity',
  entities,
  migrations: { sqlite: sqliteMigrations, postgresql: postgresqlMigrations },
  ...options,
});

/** The identity database: SQLite `.data/identity.sqlite` by default, schema `identity` on PostgreSQL. */
export function createIdentityOrm(options: IdentityOrmOptions): Promise<Orm> {
  return createOrm(identityOrmOptions(options));
}
