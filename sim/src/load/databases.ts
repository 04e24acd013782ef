import { createLogger, type Orm } from '@bianmin/kit';
import { createAffairsOrm, seedAffairs } from '@bianmin/affairs';
import { createCatalogOrm, createCatalogSubgraph, seedCatalog, type CatalogSubgraph } from '@bianmin/catalog';
import { createIdentityOrm, loadSecretBox, seedIdentity, type SecretBox } from '@bianmin/identity';
import {
  createLicencesOrm,
  createLicencesSubgraph,
  seedLicences,
  type LicencesSubgraph,
} from '@bianmin/licences';

export interface Where {
  /** SQLite files (`<domain>.sqlite`, as the platform names them) and every service's key files. */
  dataDir: string;
  /** PostgreSQL: one schema per domain in this database, as the platform does with DATABASE_URL. */
  databaseUrl?: string;
  /** The licences service's PUBLIC_URL: credentials name its status lists and its did:web. */
  licencesPublicUrl: string;
}

/** The four domains' databases a city is loaded into, each opened as its service opens it. */
export interface CityDatabases {
  catalog: CatalogSubgraph;
  identity: Orm;
  licences: LicencesSubgraph;
  affairs: Orm;
  /** The box identity seals TOTP secrets with: the key file under DATA_DIR it reads on start. */
  secretBox: SecretBox;
  close(): Promise<void>;
}

/**
 * Room for a bulk load on the loader's own SQLite connections (one per file): a 256 MiB page
 * cache instead of 2 MiB, and the write-ahead log checkpointed every 400 MB instead of every
 * 4 MB — the big indexes (licences, applications) are written in no particular order, so
 * with the defaults the same pages go to disk again and again (measured: 18 % less time for
 * 29,000 licences into a 100,000-resident city). It lasts as long as the connection and changes
 * nothing on disk; the services use SQLite's defaults as before.
 */
async function roomy(orm: Orm): Promise<Orm> {
  if (orm.config.get('clientUrl')) return orm; // PostgreSQL: the server's own settings
  for (const pragma of ['cache_size = -262144', 'wal_autocheckpoint = 100000'])
    await orm.em.getConnection().execute(`pragma ${pragma}`);
  return orm;
}

/**
 * Open each domain's database with its own `create*Orm` (which applies its migrations) and load
 * the reference data each service loads on start — the demo catalog, identity's organisations
 * and demo accounts, the licence types, the working calendar, workflows and rules — so the city
 * extends the demo city and the services find nothing missing when they start. Every one of these
 * seeds is idempotent, so a data directory the platform has run on is fine too.
 */
export async function openCityDatabases(where: Where): Promise<CityDatabases> {
  const log = createLogger('sim', 'warn');
  const at = { databaseUrl: where.databaseUrl, dataDir: where.dataDir };
  const catalogOrm = await roomy(await createCatalogOrm(at));
  await seedCatalog(catalogOrm);
  // The catalog answers affairs' questions about items in process (as over HTTP in production).
  const catalog = createCatalogSubgraph({ orm: catalogOrm, log });

  const secretBox = loadSecretBox({ dataDir: where.dataDir, production: false });
  const identity = await roomy(await createIdentityOrm(at));
  await seedIdentity(identity, { secretBox, demoAccounts: true });

  const licencesOrm = await roomy(await createLicencesOrm(at));
  await seedLicences(licencesOrm);
  // For its issuer keys (created under DATA_DIR if missing) and DID, as the running service has them.
  const licences = createLicencesSubgraph({
    orm: licencesOrm,
    log,
    dataDir: where.dataDir,
    publicUrl: where.licencesPublicUrl,
  });

  const affairs = await roomy(await createAffairsOrm(at));
  await seedAffairs(affairs, { demo: true });
  return {
    catalog,
    identity,
    licences,
    affairs,
    secretBox,
    async close() {
      await catalog.stop(0);
      await licences.stop(0);
      await identity.close(true);
      await affairs.close(true);
    },
  };
}
