import { createOrm, type Logger, type Orm } from '@bianmin/kit';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface AffairsOrmOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export const affairsOrmOptions = (options: AffairsOrmOptions) => ({
  domain: 'affairs',
  entities,
  migrations: { sqlite: sqliteMigrations, postgresql: postgresqlMigrations },
  ...options,
});

/** The affairs database: SQLite `.data/affairs.sqlite` by default, schema `affairs` on PostgreSQL. */
export function createAffairsOrm(options: AffairsOrmOptions): Promise<Orm> {
  return createOrm(affairsOrmOptions(options));
}
