import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, queryCounter, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import type { Driver } from '@bianmin/kit';
import { createCatalogOrm, createCatalogSubgraph, seedCatalog, type CatalogSubgraph } from '../src/server.js';

export const drivers = testDrivers();

export interface CatalogFixture {
  catalog: CatalogSubgraph;
  counter: ReturnType<typeof queryCounter>;
}

/** A catalog on a fresh database of `driver`, with the demo data loaded, for one test file. */
export function useCatalog(driver: Driver, options: { seed?: boolean } = {}): CatalogFixture {
  const fixture = {} as CatalogFixture;
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(driver);
    fixture.counter = queryCounter();
    const orm = await createCatalogOrm({
      databaseUrl: db.databaseUrl,
      sqliteFile: db.sqliteFile,
      onQuery: fixture.counter.onQuery,
    });
    if (options.seed ?? true) await seedCatalog(orm);
    fixture.catalog = createCatalogSubgraph({ orm });
  }, 60_000);
  afterAll(async () => {
    await fixture.catalog?.stop(1000);
    await db?.drop();
  });
  return fixture;
}

/** Run an operation and fail the test on any GraphQL error. */
export async function query<T>(
  fixture: CatalogFixture,
  source: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await fixture.catalog.execute<T>(source, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}
