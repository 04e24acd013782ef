import { createEventBus, createLogger, onShutdown, OutboxRelay, parseEnvOrExit } from '@bianmin/kit';
import { createLicencesOrm } from './db/orm.js';
import { seedLicences } from './db/seeds.js';
import { licencesEnvShape } from './env.js';
import { createLicencesSubgraph, startLicenceIssuanceConsumer } from './server.js';

const env = parseEnvOrExit(licencesEnvShape);
const log = createLogger('licences', env.LOG_LEVEL);
const orm = await createLicencesOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
await seedLicences(orm, { log });
const licences = createLicencesSubgraph({
  orm,
  log,
  production: env.NODE_ENV === 'production',
  internalSecret: env.INTERNAL_AUTH_SECRET,
  publicUrl: env.PUBLIC_URL,
  issuerDid: env.ISSUER_DID,
  keyFile: env.ISSUER_KEY_FILE,
  dataDir: env.DATA_DIR,
  trustedIssuers: env.TRUSTED_ISSUERS,
  identityUrl: env.IDENTITY_URL,
  shellUrl: env.SHELL_URL,
  presentationTtlSeconds: env.PRESENTATION_TTL_SECONDS,
});
log.info({ did: licences.services.keys.did }, 'issuer');
await licences.listen(env.PORT, env.HOST);
// Events leave through the outbox; approvals in affairs arrive through the bus.
const bus = await createEventBus({ natsUrl: env.NATS_URL, log });
const relay = new OutboxRelay({ orm, bus, log: log.child({ component: 'relay' }) });
relay.start();
const issuance = await startLicenceIssuanceConsumer({ orm, bus, log, services: licences.services });
onShutdown(log, [
  // Background work first, while the database is still open; then drain HTTP and close the
  // database; the bus last.
  () => issuance.close(),
  () => relay.stop(),
  () => licences.stop(env.SHUTDOWN_GRACE_SECONDS * 1000),
  () => bus.close(),
]);
