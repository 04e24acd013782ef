import { createEventBus, createLogger, onShutdown, OutboxRelay, parseEnvOrExit } from '@bianmin/kit';
import { createAffairsOrm } from './db/orm.js';
import { seedAffairs } from './db/seeds.js';
import { affairsEnvShape } from './env.js';
import { createAffairsSubgraph, startSlaScheduler } from './server.js';

const env = parseEnvOrExit(affairsEnvShape);
const log = createLogger('affairs', env.LOG_LEVEL);
const orm = await createAffairsOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
await seedAffairs(orm, { demo: env.SEED_DEMO_DATA, log });
const affairs = createAffairsSubgraph({
  orm,
  log,
  production: env.NODE_ENV === 'production',
  internalSecret: env.INTERNAL_AUTH_SECRET,
  catalogUrl: env.CATALOG_URL,
  identityUrl: env.IDENTITY_URL,
  dueSoonWorkingDays: env.DUE_SOON_WORKING_DAYS,
  dataDir: env.DATA_DIR,
  publicUrl: env.PUBLIC_URL,
  corsOrigins: env.CORS_ORIGINS,
});
await affairs.listen(env.PORT, env.HOST);
// Events leave through the outbox; the SLA sweep runs on whichever replica holds its lease.
const bus = await createEventBus({ natsUrl: env.NATS_URL, log });
const relay = new OutboxRelay({ orm, bus, log: log.child({ component: 'relay' }) });
relay.start();
const sla = startSlaScheduler({
  orm,
  services: affairs.services,
  log,
  everyMs: env.SLA_SWEEP_SECONDS * 1000,
});
onShutdown(log, [
  () => affairs.stop(env.SHUTDOWN_GRACE_SECONDS * 1000),
  () => sla.stop(),
  () => relay.stop(),
  () => bus.close(),
]);
