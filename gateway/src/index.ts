// The only file with side effects: env → (workers) → bus → gateway → listen → graceful shutdown.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createEventBus, createLogger, onShutdown } from '@bianmin/kit';
import { loadGatewayEnvOrExit } from './env.js';
import { createGateway } from './gateway.js';

const env = loadGatewayEnvOrExit();
const log = createLogger('gateway', env.LOG_LEVEL);
const workers = env.GATEWAY_WORKERS === 'auto' ? availableParallelism() : env.GATEWAY_WORKERS;

if (workers > 1 && cluster.isPrimary) {
  // The primary only forks and watches: workers share the port (the primary hands out
  // connections round-robin) and each runs a whole gateway with its own caches.
  log.info({ workers }, `starting ${workers} gateway workers`);
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  try {
    // Session revocations from identity. Each start (each worker) is a new durable: only new events matter.
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
}
