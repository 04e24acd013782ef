import { createOrm, type Logger, type Orm } from '@bianmin/kit';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface EvidenceOrmOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  sqliteFile?: string;
  logger?: Logger;
  onQuery?: (sql: string) => void;
}

export const evidenceOrmOptions = (options: EvidenceOrmOptions) => ({
  domain: 'evidence',
  entities,
  migrations: { sqlite: sqliteMigrations, postgresql: postgresqlMigrations },
  ...options,
});

/** The evidence database: SQLite `.data/evidence.sqlite` by default, schema `evidence` on PostgreSQL. */
export function createEvidenceOrm(options: EvidenceOrmOptions): Promise<Orm> {
  return createOrm(evidenceOrmOptions(options));
}
