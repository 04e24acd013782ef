import { createOrm, type Logger, type Orm } from '@bianmin/kit';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface CatalogOrmOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export const catalogOrmOptions = (options: CatalogOrmOptions) => ({
  domain: 'catalog',
  entities,
  migrations: { sqlite: sqliteMigrations, postgresql: postgresqlMigrations },
  ...options,
});

/** The catalog's database: SQLite `.data/catalog.sqlite` by default, schema `catalog` on PostgreSQL. */
export function createCatalogOrm(options: CatalogOrmOptions): Promise<Orm> {
  return createOrm(catalogOrmOptions(options));
}
