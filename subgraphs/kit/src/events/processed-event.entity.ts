import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 已处理事件 — "this consumer has handled this event": written in the same transaction as the
 * handler's effects (`handleOnce`), so a redelivered event is recognised and skipped.
 */
export const ProcessedEvent = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_event',
  properties: {
    /** The consumer's durable name (one per subscription, stable across deployments). */
    consumer: p.string().length(100).primary(),
    eventId: p.string().length(36).primary(),
    processedAt: p.datetime().index(),
  },
});
export type ProcessedEvent = InferEntity<typeof ProcessedEvent>;
