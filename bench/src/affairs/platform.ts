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
import { createLicencesOrm, createLicencesSubgraph, seedLicences } from '@bianmin/licences';
import { freePort } from '../harness/service-process.js';

/**
 * The part of the platform that handles applications, on one driver, on loopback: the catalog
 * (demo data), licences (the types; the residents' 居民身份证 are issued by `prepareDrafts`),
 * affairs (demo configuration; it reads item terms from the catalog and the applicant's licences
 * from the licences service over HTTP) and the gateway, which checks access tokens against a key
 * file in a temporary DATA_DIR. Identity is not started: nothing benchmarked here asks it
 * anything (MZ-004 has no instant-approval rules).
 */
export async function startPlatform(driver: Driver, log: Logger) {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-affairs-'));
  // SQLite: one file per domain in `dir`. PostgreSQL: a fresh database per domain, dropped at the end.
  const databases: TestDatabase[] =
    driver === 'postgresql'
      ? [await createTestDatabase(driver), await createTestDatabase(driver), await createTestDatabase(driver)]
      : [];
  const catalogOrm = await createCatalogOrm({
    dataDir: dir,
    databaseUrl: databases[0]?.databaseUrl,
    logger: log,
  });
  await seedCatalog(catalogOrm);
  const catalog = createCatalogSubgraph({ orm: catalogOrm, log });
  const catalogUrl = `http://127.0.0.1:${await catalog.listen(0, '127.0.0.1')}/graphql`;

  const licencesOrm = await createLicencesOrm({
    dataDir: dir,
    databaseUrl: databases[2]?.databaseUrl,
    logger: log,
  });
  await seedLicences(licencesOrm, { log });
  const licencesPort = await freePort();
  const licences = createLicencesSubgraph({
    orm: licencesOrm,
    log,
    publicUrl: `http://127.0.0.1:${licencesPort}`,
    dataDir: dir,
  });
  await licences.listen(licencesPort, '127.0.0.1');

  const orm = await createAffairsOrm({ dataDir: dir, databaseUrl: databases[1]?.databaseUrl, logger: log });
  await seedAffairs(orm, { demo: true });
  const affairs = createAffairsSubgraph({
    orm,
    log,
    catalogUrl,
    licencesUrl: `http://127.0.0.1:${licencesPort}/graphql`,
    dataDir: dir,
  });
  const affairsUrl = `http://127.0.0.1:${await affairs.listen(0, '127.0.0.1')}/graphql`;

  const keys = await signingKeysFrom(await loadOrCreateKeyFile(accessTokenKeyFile(dir)));
  const gateway = createGateway({
    env: loadGatewayEnv({
      LOG_LEVEL: 'warn',
      // The subgraphs and the bulk loads share this process's event loop: its delay is not the
      // gateway's load, and admission control would refuse the measurement itself.
      MAX_CONCURRENT_REQUESTS: '0',
      MAX_EVENT_LOOP_DELAY_MS: '0',
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
    licences,
    licencesOrm,
    gatewayUrl,
    /** An access token as identity would issue it; valid for an hour, longer than any run. */
    token: (identity: Identity) => signAccessToken(keys, identity, { ttlSeconds: 3600 }),
    async stop() {
      await gateway.stop(1000);
      await affairs.stop(1000);
      await licences.stop(1000);
      await catalog.stop(1000);
      for (const db of databases) await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
