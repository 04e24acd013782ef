import { createEventBus, createLogger, onShutdown, OutboxRelay, parseEnvOrExit } from '@bianmin/kit';
import { createAffairsOrm } from './db/orm.js';
import { seedAffairs } from './db/seeds.js';
import { affairsEnvShape } from './env.js';
import { clamdScanner } from './modules/files/clamd-scanner.js';
import { s3FileStore } from './modules/files/s3-file-store.js';
import { createAffairsSubgraph, startSlaScheduler } from './server.js';

const env = parseEnvOrExit(affairsEnvShape);
const log = createLogger('affairs', env.LOG_LEVEL);
const orm = await createAffairsOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
await seedAffairs(orm, { demo: env.SEED_DEMO_DATA, log });
const s3 =
  env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
    ? s3FileStore({
        endpoint: env.S3_ENDPOINT,
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      })
    : undefined;
if (env.S3_ENDPOINT && !s3)
  throw new Error('S3_ENDPOINT is set: also set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
log.info({ fileStore: s3 ? 'S3' : 'local directory' }, 'file store');
// Every upload is scanned by clamd when it is configured; its verdicts are logged (never the file).
const scanner = env.CLAMD_HOST
  ? clamdScanner({
      host: env.CLAMD_HOST,
      port: env.CLAMD_PORT,
      onVerdict: (verdict, reply) => {
        if (verdict !== 'CLEAN') log.warn({ event: 'virus-scan', verdict, reply }, 'upload not clean');
      },
    })
  : undefined;
log.info({ virusScan: scanner ? `clamd ${env.CLAMD_HOST}:${env.CLAMD_PORT}` : 'none' }, 'virus scan');
const affairs = createAffairsSubgraph({
  files: s3,
  scanner,
  orm,
  log,
  production: env.NODE_ENV === 'production',
  internalSecret: env.INTERNAL_AUTH_SECRET,
  catalogUrl: env.CATALOG_URL,
  identityUrl: env.IDENTITY_URL,
  licencesUrl: env.LICENCES_URL,
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
  // Background work first, while the database is still open (the SLA job releases its lease
  // there); then drain HTTP and close the database; the bus last.
  () => sla.stop(),
  () => relay.stop(),
  () => affairs.stop(env.SHUTDOWN_GRACE_SECONDS * 1000),
  () => bus.close(),
]);
