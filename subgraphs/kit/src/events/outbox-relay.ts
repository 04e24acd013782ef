import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { LockMode, raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { Pause } from '../scheduling/pause.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import type { BusEvent, EventBus } from './bus.js';
import { OUTBOX_LAST_ERROR_MAX, OutboxMessage } from './outbox-message.entity.js';

export interface OutboxRelayOptions {
  orm: Orm;
  bus: EventBus;
  log: Logger;
  /** Rows claimed and published per round. Default 100. */
  batchSize?: number;
  /** How often to look for new rows when nobody calls `wake()`. Default 1 s. */
  pollMs?: number;
  /** How long a claim keeps other relays off the batch; must exceed a batch's publishing time. Default 30 s. */
  claimMs?: number;
  /** Delay before publishing a row again after a failure. Default 1 s doubling to 5 min. */
  backoff?: Backoff;
  /** Published rows are deleted after this many days. Default 7. */
  keepPublishedDays?: number;
  /** How often to delete old published rows. Default hourly. */
  pruneEveryMs?: number;
  /** Names this relay in `claimedBy` (diagnostics). Default host, pid and a random suffix. */
  relayId?: string;
  now?: () => number;
}

export interface RelayRound {
  claimed: number;
  published: number;
  failed: number;
}

/**
 * Publishes what `recordEvent` wrote: claims a batch of unpublished rows (a conditional UPDATE,
 * plus `FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent relays in several processes take
 * disjoint rows), publishes them in order, then stamps `publishedAt`. A failed publish records
 * `lastError`, backs the row off and ends the round; the rest are released for the next one.
 * A relay that dies mid-batch loses its claim after `claimMs`, and another one republishes:
 * delivery is at least once, and the bus drops copies with the same id within its window.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly claimMs: number;
  private readonly backoff: Backoff;
  private readonly keepPublishedMs: number;
  private readonly pruneEveryMs: number;
  private readonly relayId: string;
  private readonly now: () => number;
  private readonly pause = new Pause();
  private rounds = 0;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  private serial: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | null = null;
  private running = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollMs = options.pollMs ?? 1000;
    this.claimMs = options.claimMs ?? 30_000;
    this.backoff = options.backoff ?? exponentialBackoff({ baseMs: 1000, maxMs: 300_000 });
    this.keepPublishedMs = (options.keepPublishedDays ?? 7) * 86_400_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
    this.relayId = options.relayId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.now = options.now ?? Date.now;
  }

  /** Poll in the background until `stop()`. */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.poll();
  }

  /** Stop polling; resolves once the round in progress has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    this.loop = null;
  }

  /** Look for rows now (call after committing a transaction that recorded events). */
  wake(): void {
    this.pause.wake();
  }

  /** One round: claim, publish, mark. Rounds of one relay never overlap. */
  runOnce(): Promise<RelayRound> {
    const round = this.serial.then(() => this.round());
    this.serial = round.catch(() => undefined);
    return round;
  }

  /** Delete rows published more than `keepPublishedDays` ago; returns how many. */
  async prune(): Promise<number> {
    const cutoff = new Date(this.now() - this.keepPublishedMs);
    this.lastPruneAt = this.now();
    return this.em().nativeDelete(OutboxMessage, { publishedAt: { $lt: cutoff } });
  }

  private async poll(): Promise<void> {
    while (this.running) {
      let full = false;
      try {
        const round = await this.runOnce();
        full = round.claimed === this.batchSize && round.failed === 0;
        if (this.now() - this.lastPruneAt >= this.pruneEveryMs) {
          const pruned = await this.prune();
          if (pruned > 0) this.options.log.info({ pruned }, 'outbox: deleted old published events');
        }
      } catch (error) {
        this.options.log.error({ err: error }, 'outbox relay round failed');
      }
      // A full batch suggests more are waiting: go again at once.
      if (!full && this.running) await this.pause.wait(this.pollMs);
    }
  }

  private em(): EntityManager {
    return this.options.orm.em.fork();
  }

  private async round(): Promise<RelayRound> {
    const token = `${this.relayId}#${++this.rounds}`;
    const rows = await this.claim(token);
    const published: string[] = [];
    let failed = 0;
    try {
      for (const [index, row] of rows.entries()) {
        try {
          await this.options.bus.publish(toBusEvent(row));
          published.push(row.id);
        } catch (error) {
          failed = 1;
          await this.markFailed(row, token, error);
          // Most publish failures are the bus being away: leave the rest for the next round.
          await this.release(
            rows.slice(index + 1).map((r) => r.id),
            token,
          );
          break;
        }
      }
    } finally {
      await this.markPublished(published);
    }
    return { claimed: rows.length, published: published.length, failed };
  }

  private eligible(now: Date): FilterQuery<OutboxMessage> {
    return {
      publishedAt: null,
      nextAttemptAt: { $lte: now },
      $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }],
    };
  }

  private async claim(token: string): Promise<OutboxMessage[]> {
    const now = new Date(this.now());
    const claimedUntil = new Date(now.getTime() + this.claimMs);
    const orderBy = [{ occurredAt: 'asc' }, { id: 'asc' }] as const;
    const postgres = this.options.orm.em.getPlatform() instanceof PostgreSqlPlatform;
    const take = async (em: EntityManager) => {
      const candidates = await em.find(OutboxMessage, this.eligible(now), {
        fields: ['id'],
        orderBy: [...orderBy],
        limit: this.batchSize,
        // PostgreSQL: concurrent relays skip each other's rows instead of competing for them.
        ...(postgres ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
      });
      if (candidates.length === 0) return 0;
      // The condition is checked again by the UPDATE itself: of two relays that saw the same
      // rows, only the first to write claims each one.
      return em.nativeUpdate(
        OutboxMessage,
        { $and: [{ id: { $in: candidates.map((c) => c.id) } }, this.eligible(now)] },
        { claimedBy: token, claimedUntil },
      );
    };
    // SQLite: no transaction, so no read-then-write lock upgrade (SQLITE_BUSY across processes).
    const claimed = postgres ? await this.em().transactional(take) : await take(this.em());
    if (claimed === 0) return [];
    return this.em().find(OutboxMessage, { claimedBy: token }, { orderBy: [...orderBy] });
  }

  private async markPublished(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.em().nativeUpdate(
      OutboxMessage,
      { id: { $in: ids } },
      {
        publishedAt: new Date(this.now()),
        attempts: raw('attempts + 1'),
        claimedBy: null,
        claimedUntil: null,
      },
    );
  }

  private async markFailed(row: OutboxMessage, token: string, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const delay = this.backoff(attempts);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.log.warn(
      { err: error, eventId: row.id, topic: row.topic, attempts, retryInMs: delay },
      'outbox: publish failed, will retry',
    );
    await this.em().nativeUpdate(
      OutboxMessage,
      { id: row.id, claimedBy: token },
      {
        attempts,
        lastError: Array.from(message).slice(0, OUTBOX_LAST_ERROR_MAX).join(''),
        nextAttemptAt: new Date(this.now() + delay),
        claimedBy: null,
        claimedUntil: null,
      },
    );
  }

  private async release(ids: string[], token: string): Promise<void> {
    if (ids.length === 0) return;
    await this.em().nativeUpdate(
      OutboxMessage,
      { id: { $in: ids }, claimedBy: token },
      { claimedBy: null, claimedUntil: null },
    );
  }
}

function toBusEvent(row: OutboxMessage): BusEvent {
  return {
    id: row.id,
    topic: row.topic,
    key: row.key,
    payload: row.payload,
    headers: row.headers,
    occurredAt: row.occurredAt.toISOString(),
  };
}
