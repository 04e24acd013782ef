import { MikroORM } from '@mikro-orm/core';
import { ormConfig, type OrmOptions } from '../db/orm.js';
import { createTestDatabase } from './index.js';

/**
 * Generate the next migration for BOTH drivers from a domain's entities: each driver gets a fresh
 * database, the existing migrations are applied, and MikroORM writes the difference to
 * `src/db/migrations/<driver>/`. Add the new classes to that folder's index.ts afterwards.
 */
export async function createMigrationsForBothDrivers(
  optionsFor: (db: { databaseUrl?: string; sqliteFile?: string }) => OrmOptions,
  name: string | undefined,
): Promise<void> {
  for (const driver of ['sqlite', 'postgresql'] as const) {
    const db = await createTestDatabase(driver);
    const options = optionsFor({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
    const orm = await MikroORM.init(ormConfig(options));
    try {
      if (driver === 'postgresql') {
        await orm.em.getConnection().execute(`create schema if not exists "${options.domain}"`);
      }
      await orm.getMigrator().up();
      const result = await orm
        .getMigrator()
        .createMigration(`src/db/migrations/${driver}`, false, false, name);
      process.stdout.write(`${driver}: ${result.fileName || '(no changes)'}\n`);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  }
}
