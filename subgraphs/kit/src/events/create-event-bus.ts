import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { EventBus } from './bus.js';
import { InProcessBus } from './in-process-bus.js';
import { NatsJetStreamBus, type NatsJetStreamBusOptions } from './nats-jetstream-bus.js';

/** Spread into a subgraph's env shape: `parseEnv({ ...baseEnvShape, ...eventsEnvShape })`. */
export const eventsEnvShape = {
  /** NATS server(s) with JetStream; when unset, events stay inside the process. */
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^,]+(,(nats|tls):\/\/[^,]+)*$/, 'must be nats:// URL(s), comma-separated')
    .optional(),
};

export interface CreateEventBusOptions extends Partial<Omit<NatsJetStreamBusOptions, 'servers' | 'log'>> {
  natsUrl?: string | undefined;
  log: Logger;
}

/** NATS JetStream when `natsUrl` is set (production); otherwise the in-process bus (embedded default). */
export async function createEventBus({ natsUrl, log, ...nats }: CreateEventBusOptions): Promise<EventBus> {
  if (!natsUrl) {
    log.info('event bus: in-process');
    return new InProcessBus({ log, maxDeliver: nats.maxDeliver, backoff: nats.backoff });
  }
  const bus = await NatsJetStreamBus.connect({ ...nats, servers: natsUrl, log });
  log.info({ stream: bus.streamName }, 'event bus: NATS JetStream');
  return bus;
}
