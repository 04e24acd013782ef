import { createLogger, onShutdown, parseEnvOrExit } from '@bianmin/kit';
import { createCatalogOrm } from './db/orm.js';
import { seedCatalog } from './db/seeds/index.js';
import { catalogEnvShape } from './env.js';
import { createCatalogSubgraph } from './server.js';

const env = parseEnvOrExit(catalogEnvShape);
const log = createLogger('catalog', env.LOG_LEVEL);
const orm = await createCatalogOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
if (env.SEED_DEMO_DATA) await seedCatalog(orm, log);
const catalog = createCatalogSubgraph({
  orm,
  log,
  production: env.NODE_ENV === 'production',
  internalSecret: env.INTERNAL_AUTH_SECRET,
  publicCacheMaxAgeSeconds: env.PUBLIC_CACHE_MAX_AGE_SECONDS,
});
await catalog.listen(env.PORT, env.HOST);
onShutdown(log, [() => catalog.stop(env.SHUTDOWN_GRACE_SECONDS * 1000)]);
