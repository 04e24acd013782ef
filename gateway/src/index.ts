// The only file with side effects: env → gateway → listen → graceful shutdown.
import { createLogger, onShutdown } from '@bianmin/kit';
import { loadGatewayEnvOrExit } from './env.js';
import { createGateway } from './gateway.js';

const env = loadGatewayEnvOrExit();
const log = createLogger('gateway', env.LOG_LEVEL);

try {
  const gateway = createGateway({ env, log });
  await gateway.listen(env.PORT, env.HOST);
  onShutdown(log, [() => gateway.stop(env.SHUTDOWN_GRACE_SECONDS * 1000)]);
} catch (error) {
  log.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
