import { afterAll, beforeAll } from 'vitest';
import { createOrm, type Driver, type Orm } from '@bianmin/kit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import { entities } from '../src/db/entities.js';

export const drivers = testDrivers();

/**
 * A fresh database of `driver` with the affairs tables created from the entity definitions, for
 * one test file. (Module tests use this; the subgraph's own tests run the real migrations.)
 */
export function useAffairsOrm(driver: Driver): { orm: Orm } {
  const fixture = {} as { orm: Orm };
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(driver);
    fixture.orm = await createOrm({
      domain: 'affairs',
      entities,
      migrations: { sqlite: [], postgresql: [] },
      databaseUrl: db.databaseUrl,
      sqliteFile: db.sqliteFile,
    });
    await fixture.orm.schema.createSchema();
  }, 60_000);
  afterAll(async () => {
    await fixture.orm?.close(true);
    await db?.drop();
  });
  return fixture;
}
