/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/catalog -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { MikroORM } from '@mikro-orm/core';
import { ormConfig } from '@bianmin/kit';
import { createTestDatabase } from '@bianmin/kit/testing';
import { catalogOrmOptions } from './orm.js';

const name = process.argv[2];
for (const driver of ['sqlite', 'postgresql'] as const) {
  const db = await createTestDatabase(driver);
  const options = catalogOrmOptions({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
  const orm = await MikroORM.init(ormConfig(options));
  try {
    if (driver === 'postgresql')
      await orm.em.getConnection().execute('create schema if not exists "catalog"');
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(`src/db/migrations/${driver}`, false, false, name);
    process.stdout.write(`${driver}: ${result.fileName || '(no changes)'}\n`);
  } finally {
    await orm.close(true);
    await db.drop();
  }
}
