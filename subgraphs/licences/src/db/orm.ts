import { createOrm, type Logger, type Orm } from '@bianmin/kit';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface LicencesOrmOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export const licencesOrmOptions = (options: LicencesOrmOptions) => ({
  domain: 'licences',
  entities,
  migrations: { sqlite: sqliteMigrations, postgresql: postgresqlMigrations },
  ...options,
});

/** The licences database: SQLite `.data/licences.sqlite` by default, schema `licences` on PostgreSQL. */
export function createLicencesOrm(options: LicencesOrmOptions): Promise<Orm> {
  return createOrm(licencesOrmOptions(options));
}
