import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ProcessedEvent } from './processed-event.entity.js';

export type HandleOnceResult<T> = { handled: true; result: T } | { handled: false };

class AlreadyProcessed extends Error {}

/**
 * Run a consumer's effects for one event at most once, however often the event is delivered:
 * the "processed" marker and `fn`'s writes commit in one transaction. The marker goes first, so
 * a concurrent delivery of the same event waits on it (PostgreSQL) or on the write lock (SQLite)
 * and is then skipped; if `fn` throws, nothing is kept and the redelivery runs it again.
 * Use `fn`'s `tx`, not `em`, for its reads and writes.
 */
export async function handleOnce<T>(
  em: EntityManager,
  consumer: string,
  eventId: string,
  fn: (tx: EntityManager) => Promise<T>,
): Promise<HandleOnceResult<T>> {
  try {
    const result = await em.transactional(async (tx) => {
      try {
        await tx.insert(ProcessedEvent, { consumer, eventId, processedAt: new Date() });
      } catch (error) {
        // Only the marker's own violation means "seen"; one from `fn` is the consumer's error.
        if (error instanceof UniqueConstraintViolationException) throw new AlreadyProcessed();
        throw error;
      }
      return fn(tx);
    });
    return { handled: true, result };
  } catch (error) {
    if (error instanceof AlreadyProcessed) return { handled: false };
    throw error;
  }
}

/** Forget markers older than `keepDays`: longer than any redelivery can arrive (outbox and stream retention). */
export async function pruneProcessedEvents(em: EntityManager, keepDays: number, now = Date.now()) {
  return em.nativeDelete(ProcessedEvent, { processedAt: { $lt: new Date(now - keepDays * 86_400_000) } });
}
