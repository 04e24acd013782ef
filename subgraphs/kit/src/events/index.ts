export { OutboxMessage } from './outbox-message.entity.js';
export { ProcessedEvent } from './processed-event.entity.js';
export { recordEvent, type NewEvent } from './record-event.js';
export { handleOnce, pruneProcessedEvents, type HandleOnceResult } from './handle-once.js';
export type { BusEvent, Delivery, EventBus, EventHandler, SubscribeOptions, Subscription } from './bus.js';
export { InProcessBus, type InProcessBusOptions } from './in-process-bus.js';
export { NatsJetStreamBus, type NatsJetStreamBusOptions } from './nats-jetstream-bus.js';
export { createEventBus, eventsEnvShape, type CreateEventBusOptions } from './create-event-bus.js';
export { OutboxRelay, type OutboxRelayOptions, type RelayRound } from './outbox-relay.js';
export { exponentialBackoff, type Backoff } from './backoff.js';
export { topicMatches } from './topic.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { ProcessedEvent } from './processed-event.entity.js';

/** Add to a subgraph's ORM entities to get `outbox_message` and `processed_event` in its migrations. */
export const outboxEntities = [OutboxMessage, ProcessedEvent];
