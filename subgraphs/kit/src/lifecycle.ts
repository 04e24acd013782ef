import type { Logger } from './logger.js';

/**
 * Graceful shutdown on SIGTERM/SIGINT: run the stoppers in order (stop accepting, finish
 * in-flight requests, close pools), then exit. A second signal exits at once.
 */
export function onShutdown(log: Logger, stoppers: Array<() => Promise<void>>): void {
  let stopping = false;
  const handler = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      for (const stop of stoppers) await stop();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
