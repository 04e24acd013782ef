import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Longest `lastError` kept: enough for a message and the start of a cause, bounded on purpose. */
export const OUTBOX_LAST_ERROR_MAX = 1000;

/**
 * 发件箱 — one domain event, written in the same transaction as the state change it announces
 * (`recordEvent`). The relay publishes it to the bus afterwards (at least once) and stamps
 * `publishedAt`; `claimedBy`/`claimedUntil` are the relay's lease on the row while it publishes.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  indexes: [
    // The relay's claim (published_at is null and next_attempt_at <= now) and the pruning
    // (published_at < cutoff) both start from published_at.
    { name: 'outbox_message_pending_index', properties: ['publishedAt', 'nextAttemptAt'] },
  ],
  properties: {
    /** UUID v7 (time-ordered); also the bus message id, so a republished copy is recognised as the same event. */
    id: p.string().length(36).primary(),
    /** What happened, dot-separated: `affairs.application.approved`. */
    topic: p.string().length(200),
    /** The aggregate it happened to (an application id, an account id…). */
    key: p.string().length(100),
    payload: p.json<unknown>(),
    /** Context that travels with the event, such as `requestId`. */
    headers: p.json<Record<string, string>>(),
    occurredAt: p.datetime(),
    publishedAt: p.datetime().nullable(),
    /** Publish attempts so far (failed and successful). */
    attempts: p.integer(),
    /** Not before this time: pushed back after each failed publish. */
    nextAttemptAt: p.datetime(),
    lastError: p.string().length(OUTBOX_LAST_ERROR_MAX).nullable(),
    /** The relay batch that holds the row while it publishes, until `claimedUntil`. */
    claimedBy: p.string().length(100).nullable(),
    claimedUntil: p.datetime().nullable(),
  },
});
export type OutboxMessage = InferEntity<typeof OutboxMessage>;
