// The only file with side effects: env → bus → gateway → listen → graceful shutdown.
import { createEventBus, createLogger, onShutdown } from '@bianmin/kit';
import { loadGatewayEnvOrExit } from './env.js';
import { createGateway } from './gateway.js';

const env = loadGatewayEnvOrExit();
const log = createLogger('gateway', env.LOG_LEVEL);

try {
  // Session revocations from identity. Each start is a new durable: only new events matter.
  const bus = await createEventBus({ natsUrl: env.NATS_URL, log, deliverFrom: 'new', name: 'gateway' });
  if (!env.NATS_URL)
    log.warn('NATS_URL is unset: no session revocations reach this gateway; tokens end when they expire');
  const gateway = createGateway({ env, log, bus });
  await gateway.listen(env.PORT, env.HOST);
  onShutdown(log, [() => gateway.stop(env.SHUTDOWN_GRACE_SECONDS * 1000), () => bus.close()]);
} catch (error) {
  log.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
