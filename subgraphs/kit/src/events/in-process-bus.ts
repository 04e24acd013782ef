import type { Logger } from '../logger.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import type { BusEvent, EventBus, EventHandler, SubscribeOptions, Subscription } from './bus.js';
import { assertDurableName, assertTopic, assertTopicPattern, topicMatches } from './topic.js';

export interface InProcessBusOptions {
  log: Logger;
  /** Deliveries of one event to one durable before giving up (logged as an error). Default 20. */
  maxDeliver?: number;
  /** Delay before redelivering after a handler threw. Default 1 s doubling to 1 min. */
  backoff?: Backoff;
  /** A second publish of the same id within this window is dropped, as JetStream does. Default 2 min. */
  duplicateWindowMs?: number;
  now?: () => number;
}

interface Queued {
  event: BusEvent;
  deliveryCount: number;
}

interface Member {
  handler: EventHandler;
  busy: boolean;
  running: Promise<void> | null;
}

interface Durable {
  pattern: string;
  members: Member[];
  queue: Queued[];
}

/**
 * The embedded default bus: delivery inside this process, after `publish` returns, with
 * redelivery and backoff when a handler throws. It keeps nothing across restarts; the outbox
 * is the record, and a durable with no subscriber holds its events until one subscribes.
 */
export class InProcessBus implements EventBus {
  private readonly durables = new Map<string, Durable>();
  private readonly seen = new Map<string, number>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly idleWaiters: Array<() => void> = [];
  private pumping = false;
  private closed = false;
  private readonly maxDeliver: number;
  private readonly backoff: Backoff;
  private readonly duplicateWindowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: InProcessBusOptions) {
    this.maxDeliver = options.maxDeliver ?? 20;
    this.backoff = options.backoff ?? exponentialBackoff({ baseMs: 1000, maxMs: 60_000 });
    this.duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  async publish(event: BusEvent): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    assertTopic(event.topic);
    const now = this.now();
    for (const [id, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(id);
    }
    if (this.seen.has(event.id)) {
      this.options.log.debug({ eventId: event.id, topic: event.topic }, 'duplicate event dropped');
      return;
    }
    this.seen.set(event.id, now + this.duplicateWindowMs);
    // What a broker would carry: plain JSON, detached from the publisher's objects.
    const wire = JSON.parse(JSON.stringify(event)) as BusEvent;
    for (const durable of this.durables.values()) {
      if (topicMatches(durable.pattern, wire.topic)) durable.queue.push({ event: wire, deliveryCount: 1 });
    }
    this.schedulePump();
  }

  // `SubscribeOptions.inactiveAfterMs` needs nothing here: durables live only as long as the process.
  async subscribe(
    durableName: string,
    topicPattern: string,
    handler: EventHandler,
    _options?: SubscribeOptions,
  ): Promise<Subscription> {
    if (this.closed) throw new Error('The event bus is closed');
    assertDurableName(durableName);
    assertTopicPattern(topicPattern);
    let durable = this.durables.get(durableName);
    if (!durable) {
      durable = { pattern: topicPattern, members: [], queue: [] };
      this.durables.set(durableName, durable);
    } else if (durable.pattern !== topicPattern) {
      throw new Error(`Durable "${durableName}" already subscribes to "${durable.pattern}"`);
    }
    const member: Member = { handler, busy: false, running: null };
    durable.members.push(member);
    this.schedulePump();
    return {
      close: async () => {
        const owner = this.durables.get(durableName);
        if (owner) owner.members = owner.members.filter((m) => m !== member);
        await member.running;
        this.settle();
      },
    };
  }

  /** Resolves when no handler runs, no redelivery waits and no event waits for a subscriber. */
  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.durables.clear();
    await Promise.all(this.running);
    this.settle();
  }

  private schedulePump(): void {
    if (this.pumping) return;
    this.pumping = true;
    // Asynchronous delivery: no handler runs inside the publisher's call.
    setImmediate(() => {
      this.pumping = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    for (const durable of this.durables.values()) {
      for (const member of durable.members) {
        if (member.busy) continue;
        const next = durable.queue.shift();
        if (!next) break;
        member.busy = true;
        const running = this.deliver(durable, member, next);
        member.running = running;
        this.running.add(running);
        void running.finally(() => {
          this.running.delete(running);
          this.pump();
        });
      }
    }
    this.settle();
  }

  private async deliver(durable: Durable, member: Member, item: Queued): Promise<void> {
    const { event, deliveryCount } = item;
    try {
      await member.handler(structuredClone(event), { deliveryCount });
    } catch (error) {
      this.retryLater(durable, item, error);
    } finally {
      member.busy = false;
      member.running = null;
    }
  }

  private retryLater(durable: Durable, item: Queued, error: unknown): void {
    const log = this.options.log;
    const context = {
      err: error,
      eventId: item.event.id,
      topic: item.event.topic,
      attempt: item.deliveryCount,
    };
    if (this.closed) return;
    if (item.deliveryCount >= this.maxDeliver) {
      log.error(context, 'event handler failed on every delivery: giving up');
      return;
    }
    log.warn(context, 'event handler failed: will deliver again');
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      durable.queue.push({ event: item.event, deliveryCount: item.deliveryCount + 1 });
      this.pump();
    }, this.backoff(item.deliveryCount));
    this.retries.add(timer);
  }

  private busy(): boolean {
    if (this.retries.size > 0 || this.running.size > 0) return true;
    for (const durable of this.durables.values()) {
      if (durable.queue.length > 0 && durable.members.length > 0) return true;
    }
    return this.pumping;
  }

  private settle(): void {
    if (this.busy()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
