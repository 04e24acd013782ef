import type { EntityManager } from '@mikro-orm/core';
import { OutboxMessage } from './outbox-message.entity.js';
import { assertTopic } from './topic.js';
import { uuidv7 } from './uuidv7.js';

export interface NewEvent<P = unknown> {
  /** `<domain>.<aggregate>.<what happened>`, e.g. `affairs.application.approved`. */
  topic: string;
  /** The aggregate's id. */
  key: string;
  /** Plain JSON: what a consumer needs without calling back. */
  payload: P;
  /** Context such as `requestId`. */
  headers?: Record<string, string>;
}

/**
 * Record a domain event in the outbox, inside the transaction that makes the change it
 * announces: both commit, or neither does. Only inserts; the relay publishes after the commit
 * (call `relay.wake()` then for low latency). Returns the event id (the bus message id).
 */
export async function recordEvent<P>(em: EntityManager, event: NewEvent<P>): Promise<string> {
  if (!em.isInTransaction()) {
    throw new Error('recordEvent must run inside the em.transactional() that makes the change');
  }
  assertTopic(event.topic);
  const now = new Date();
  const id = uuidv7(now.getTime());
  await em.insert(OutboxMessage, {
    id,
    topic: event.topic,
    key: event.key,
    payload: event.payload,
    headers: event.headers ?? {},
    occurredAt: now,
    publishedAt: null,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    claimedBy: null,
    claimedUntil: null,
  });
  return id;
}
