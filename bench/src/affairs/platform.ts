import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accessTokenKeyFile,
  loadOrCreateKeyFile,
  signAccessToken,
  signingKeysFrom,
  type Driver,
  type Identity,
  type Logger,
} from '@bianmin/kit';
import { createTestDatabase, type TestDatabase } from '@bianmin/kit/testing';
import { createCatalogOrm, createCatalogSubgraph, seedCatalog } from '@bianmin/catalog';
import { createAffairsOrm, createAffairsSubgraph, seedAffairs } from '@bianmin/affairs';
import { createGateway, loadGatewayEnv } from '@bianmin/gateway';

/**
 * The part of the platform that handles applications, on one driver, on loopback: the catalog
 * (demo data), affairs (demo configuration; it reads item terms from the catalog over HTTP) and
 * the gateway, which checks access tokens against a key file in a temporary DATA_DIR. Identity
 * is not started: nothing benchmarked here asks it anything (MZ-004 has no instant-approval rules).
 */
export async function startPlatform(driver: Driver, log: Logger) {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-affairs-'));
  // SQLite: one file per domain in `dir`. PostgreSQL: a fresh database per domain, dropped at the end.
  const databases: TestDatabase[] =
    driver === 'postgresql' ? [await createTestDatabase(driver), await createTestDatabase(driver)] : [];
  const catalogOrm = await createCatalogOrm({
    dataDir: dir,
    databaseUrl: databases[0]?.databaseUrl,
    logger: log,
  });
  await seedCatalog(catalogOrm);
  const catalog = createCatalogSubgraph({ orm: catalogOrm, log });
  const catalogUrl = `http://127.0.0.1:${await catalog.listen(0, '127.0.0.1')}/graphql`;

  const orm = await createAffairsOrm({ dataDir: dir, databaseUrl: databases[1]?.databaseUrl, logger: log });
  await seedAffairs(orm, { demo: true });
  const affairs = createAffairsSubgraph({ orm, log, catalogUrl, dataDir: dir });
  const affairsUrl = `http://127.0.0.1:${await affairs.listen(0, '127.0.0.1')}/graphql`;

  const keys = await signingKeysFrom(await loadOrCreateKeyFile(accessTokenKeyFile(dir)));
  const gateway = createGateway({
    env: loadGatewayEnv({
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      SUBGRAPH_CATALOG_URL: catalogUrl,
      SUBGRAPH_AFFAIRS_URL: affairsUrl,
    }),
    log,
  });
  const gatewayUrl = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;

  return {
    driver,
    catalog,
    affairs,
    orm,
    gatewayUrl,
    /** An access token as identity would issue it; valid for an hour, longer than any run. */
    token: (identity: Identity) => signAccessToken(keys, identity, { ttlSeconds: 3600 }),
    async stop() {
      await gateway.stop(1000);
      await affairs.stop(1000);
      await catalog.stop(1000);
      for (const db of databases) await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
