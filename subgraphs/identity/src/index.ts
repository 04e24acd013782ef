import {
  accessTokenKeyFile,
  createEventBus,
  createLogger,
  onShutdown,
  OutboxRelay,
  parseEnvOrExit,
} from '@bianmin/kit';
import { Redis } from 'ioredis';
import { createIdentityOrm } from './db/orm.js';
import { seedIdentity } from './db/seeds/index.js';
import { identityEnvShape } from './env.js';
import { loadSecretBox, signingKeysFromFile } from './keys.js';
import { createPasswordHasher } from './modules/password/password-hasher.js';
import { createThrottles } from './modules/sign-in/throttle.js';
import { createIdentitySubgraph, parseExportSources, startCaseFileConsumer } from './server.js';

const env = parseEnvOrExit(identityEnvShape);
const log = createLogger('identity', env.LOG_LEVEL);
const production = env.NODE_ENV === 'production';
const secretBox = loadSecretBox({ key: env.TOTP_ENCRYPTION_KEY, dataDir: env.DATA_DIR, production });
const signingKeys = signingKeysFromFile(env.AUTH_KEYS_FILE ?? accessTokenKeyFile(env.DATA_DIR));
await signingKeys(); // create the key file now if this is the first start, and fail fast if it is unreadable
const hasher = createPasswordHasher({ concurrency: env.HASH_CONCURRENCY, maxQueue: env.HASH_QUEUE_LIMIT });
const redis = env.REDIS_URL
  ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
  : undefined;
redis?.on('error', (err) =>
  log.warn({ err: err.message }, 'redis unavailable: sign-in limits fall back to this instance'),
);
// Until Redis is ready each instance counts on its own; wait a moment for it, but do not hang.
if (redis)
  await Promise.race([
    new Promise((ready) => redis.once('ready', ready)),
    new Promise((t) => setTimeout(t, 5000)),
  ]);

const orm = await createIdentityOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
if (env.SEED_DEMO_DATA && production)
  log.warn('SEED_DEMO_DATA: demo accounts are never created in production');
// Organizations are reference data and always checked; demo accounts only outside production.
await seedIdentity(orm, { secretBox, hasher, demoAccounts: env.SEED_DEMO_DATA && !production, log });
const identity = createIdentitySubgraph({
  orm,
  log,
  production,
  internalSecret: env.INTERNAL_AUTH_SECRET,
  signingKeys,
  secretBox,
  hasher,
  throttles: createThrottles({ redis }),
  totpIssuer: env.TOTP_ISSUER,
  exportSources: parseExportSources(env.DATA_EXPORT_SOURCES),
});
// Domain events on NATS JetStream (in-process when NATS_URL is unset: nobody else hears them).
const bus = await createEventBus({ natsUrl: env.NATS_URL, log });
// Publishes identity's outbox: identity.session.revoked, which the gateways act on within a second.
const relay = new OutboxRelay({ orm, bus, log: log.child({ component: 'outbox-relay' }) });
relay.start();
await identity.listen(env.PORT, env.HOST);
// Which department handles whose case, from affairs' events.
const caseFiles = await startCaseFileConsumer({ orm, bus, log });
onShutdown(log, [
  // Background work first, while the database is still open; then drain HTTP and close the
  // database; the bus last.
  () => caseFiles.close(),
  () => relay.stop(),
  () => identity.stop(env.SHUTDOWN_GRACE_SECONDS * 1000),
  () => bus.close(),
  async () => {
    await redis?.quit();
  },
]);
