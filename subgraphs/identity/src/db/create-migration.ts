/**
 * Generates the next migration for BOTH drivers from the entity definitions:
 *   npm run migration:create -w @bianmin/identity -- <name>
 * Then add the new classes to migrations/<driver>/index.ts.
 */
import { MikroORM } from '@mikro-orm/core';
import { ormConfig } from '@bianmin/kit';
import { createTestDatabase } from '@bianmin/kit/testing';
import { identityOrmOptions } from './orm.js';

const name = process.argv[2];
for (const driver of ['sqlite', 'postgresql'] as const) {
  const db = await createTestDatabase(driver);
  const options = identityOrmOptions({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
  const orm = await MikroORM.init(ormConfig(options));
  try {
    if (driver === 'postgresql')
      await orm.em.getConnection().execute('create schema if not exists "identity"');
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(`src/db/migrations/${driver}`, false, false, name);
    process.stdout.write(`${driver}: ${result.fileName || '(no changes)'}\n`);
  } finally {
    await orm.close(true);
    await db.drop();
  }
}
