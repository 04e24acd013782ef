import { createEventBus, createLogger, onShutdown, parseEnvOrExit } from '@bianmin/kit';
import { createEvidenceOrm } from './db/orm.js';
import { evidenceEnvShape } from './env.js';
import { startCheckpointer } from './modules/checkpoint/checkpointer.js';
import { loadLogKeys } from './modules/checkpoint/log-keys.js';
import { closeAll, startEvidenceConsumers } from './modules/entries/evidence.consumers.js';
import { createEvidenceSubgraph } from './server.js';

const env = parseEnvOrExit(evidenceEnvShape);
const log = createLogger('evidence', env.LOG_LEVEL);
const orm = await createEvidenceOrm({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, logger: log });
const keys = loadLogKeys({
  origin: env.EVIDENCE_ORIGIN,
  dataDir: env.DATA_DIR,
  signingKey: env.EVIDENCE_SIGNING_KEY,
  previousVerifierKeys: env.EVIDENCE_PREVIOUS_VERIFIER_KEYS,
});
log.info({ origin: keys.origin, verifierKey: keys.current.vkey }, 'evidence log key');
const evidence = createEvidenceSubgraph({
  orm,
  keys,
  log,
  production: env.NODE_ENV === 'production',
  internalSecret: env.INTERNAL_AUTH_SECRET,
});
await evidence.listen(env.PORT, env.HOST);
// Entries arrive from the other domains' outboxes; one replica at a time signs checkpoints.
// A durable created for the first time starts from the stream's beginning (JetStream keeps 7
// days), so a log deployed after its sources still records what they already announced.
const bus = await createEventBus({ natsUrl: env.NATS_URL, log, deliverFrom: 'all' });
const subscriptions = await startEvidenceConsumers({ orm, bus, log });
const checkpointer = startCheckpointer({ orm, keys, log, everyMs: env.CHECKPOINT_SECONDS * 1000 });
// Background work first (it needs the pool, which stopping the subgraph closes), then HTTP.
onShutdown(log, [
  () => closeAll(subscriptions),
  () => checkpointer.stop(),
  () => evidence.stop(env.SHUTDOWN_GRACE_SECONDS * 1000),
  () => bus.close(),
]);
