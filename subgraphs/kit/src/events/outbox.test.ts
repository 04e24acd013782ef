import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineEntity, p, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../db/orm.js';
import { createLogger } from '../logger.js';
import { testDrivers } from '../testing/index.js';
import type { BusEvent, EventBus } from './bus.js';
import { handleOnce } from './handle-once.js';
import { InProcessBus } from './in-process-bus.js';
import { outboxEntities } from './index.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.js';
import { ProcessedEvent } from './processed-event.entity.js';
import { recordEvent } from './record-event.js';
import { createSharedTestDatabase, type SharedTestDatabase } from './shared-test-database.js';

const log = createLogger('test', 'silent');

/** A consumer's own state, to see whether its effects happened once. */
const Tally = defineEntity({
  name: 'Tally',
  tableName: 'tally',
  properties: { name: p.string().length(50).primary(), count: p.integer() },
});

/** Counts every publish that reaches the bus, and fails or blocks them on demand. */
class RecordingBus implements EventBus {
  readonly publishes = new Map<string, number>();
  failures: string[] = [];
  gate: Promise<void> | null = null;
  onPublish: (() => void) | null = null;
  constructor(readonly inner: InProcessBus) {}
  async publish(event: BusEvent) {
    this.onPublish?.();
    // Yield as a network round trip would, so concurrent relays interleave.
    await new Promise((resolve) => setImmediate(resolve));
    await this.gate;
    const failure = this.failures.shift();
    if (failure) throw new Error(failure);
    this.publishes.set(event.id, (this.publishes.get(event.id) ?? 0) + 1);
    await this.inner.publish(event);
  }
  subscribe(...args: Parameters<EventBus['subscribe']>) {
    return this.inner.subscribe(...args);
  }
  close() {
    return this.inner.close();
  }
}

const children = new Set<ChildProcess>();
afterAll(() => children.forEach((child) => child.kill()));

/** A relay in another process over the same database (relay-process.fixture.ts). */
async function startRelayProcess(location: SharedTestDatabase['location'], relayId: string) {
  const child = fork(
    fileURLToPath(new URL('./relay-process.fixture.ts', import.meta.url)),
    [JSON.stringify({ location, relayId })],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  children.add(child);
  const published: string[] = [];
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      if (message === 'ready') resolve();
      else if (message === 'stopped') stopped();
      else published.push((message as { published: string }).published);
    });
    child.on('exit', (code) => {
      children.delete(child);
      stopped();
      reject(new Error(`relay process exited with ${code}`));
    });
  });
  await ready;
  return {
    published,
    send: (message: string) => child.send(message),
    async stop() {
      child.send('stop');
      await done;
    },
  };
}

const approved = (key: string) => ({
  topic: 'affairs.application.approved',
  key,
  payload: { applicationId: key, by: '张三' },
});

describe.each(testDrivers())('the transactional outbox on %s', (driver) => {
  let db: SharedTestDatabase;
  let orm: Orm;
  let inner: InProcessBus;
  let bus: RecordingBus;
  let delivered: BusEvent[];
  const relays: OutboxRelay[] = [];

  const newRelay = (options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) => {
    const relay = new OutboxRelay({ orm, bus, log, pollMs: 20, ...options });
    relays.push(relay);
    return relay;
  };
  const record = (n: number, prefix: string) =>
    orm.em.fork().transactional(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await recordEvent(tx, approved(`${prefix}-${i}`)));
      return ids;
    });
  const row = (id: string) => orm.em.fork().findOneOrFail(OutboxMessage, id);

  beforeAll(async () => {
    db = await createSharedTestDatabase(driver, [...outboxEntities, Tally]);
    orm = await db.open();
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    const em = orm.em.fork();
    await em.nativeDelete(OutboxMessage, {});
    await em.nativeDelete(ProcessedEvent, {});
    await em.nativeDelete(Tally, {});
    await em.insert(Tally, { name: 'approved', count: 0 });
    // No duplicate window: every publish that reaches the bus is a delivery we can count.
    inner = new InProcessBus({ log, duplicateWindowMs: 0, backoff: () => 1 });
    bus = new RecordingBus(inner);
    delivered = [];
    await inner.subscribe('test', 'affairs.>', async (e) => void delivered.push(e));
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await bus.close();
  });

  it('keeps nothing from a rolled-back transaction, and publishes nothing', async () => {
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx.nativeUpdate(Tally, { name: 'approved' }, { count: 1 });
        await recordEvent(tx, approved('A1'));
        throw new Error('veto');
      }),
    ).rejects.toThrow('veto');
    expect(await orm.em.fork().count(OutboxMessage)).toBe(0);
    expect((await orm.em.fork().findOneOrFail(Tally, 'approved')).count).toBe(0);
    expect(await newRelay().runOnce()).toEqual({ claimed: 0, published: 0, failed: 0 });
    await inner.idle();
    expect(bus.publishes.size).toBe(0);
    expect(delivered).toEqual([]);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(recordEvent(orm.em.fork(), approved('A1'))).rejects.toThrow(/inside the em.transactional/);
    expect(await orm.em.fork().count(OutboxMessage)).toBe(0);
  });

  it('delivers a committed event once, soon after wake()', async () => {
    // A poll interval far longer than the test: only wake() can make it publish in time.
    const relay = newRelay({ pollMs: 600_000 });
    relay.start();
    const id = await orm.em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(Tally, { name: 'approved' }, { count: 1 });
      return recordEvent(tx, { ...approved('A1'), headers: { requestId: 'req-1' } });
    });
    relay.wake();
    await vi.waitUntil(() => delivered.length > 0, { timeout: 5000 });
    await relay.stop();
    expect(await relay.runOnce()).toMatchObject({ claimed: 0 });
    await inner.idle();
    expect(delivered).toEqual([
      {
        id,
        topic: 'affairs.application.approved',
        key: 'A1',
        payload: { applicationId: 'A1', by: '张三' },
        headers: { requestId: 'req-1' },
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(await row(id)).toMatchObject({ attempts: 1, claimedBy: null, lastError: null });
    expect((await row(id)).publishedAt).toBeInstanceOf(Date);
  });

  it('publishes every row exactly once with two relays in two processes at the same time', async () => {
    const ids = new Set<string>();
    for (let t = 0; t < 20; t++) for (const id of await record(10, `before-${t}`)) ids.add(id);
    const other = await startRelayProcess(db.location, 'relay-b');
    const here = newRelay({ batchSize: 10, relayId: 'relay-a' });
    here.start();
    other.send('start');
    // More arrive while both run, each commit followed by a poke, as a subgraph would do.
    for (let t = 0; t < 10; t++) {
      for (const id of await record(10, `during-${t}`)) ids.add(id);
      here.wake();
      other.send('wake');
    }
    const publishedCount = () => bus.publishes.size + other.published.length;
    await vi.waitUntil(() => publishedCount() >= ids.size, { timeout: 20_000, interval: 20 });
    await Promise.all([here.stop(), other.stop()]);
    await inner.idle();

    expect(ids.size).toBe(300);
    const all = [...bus.publishes.keys(), ...other.published];
    expect(all).toHaveLength(300);
    expect(new Set(all)).toEqual(ids);
    expect([...bus.publishes.values()].every((n) => n === 1)).toBe(true);
    expect(delivered).toHaveLength(bus.publishes.size);
    expect(bus.publishes.size).toBeGreaterThan(0);
    expect(other.published.length).toBeGreaterThan(0);
    expect(await orm.em.fork().count(OutboxMessage, { publishedAt: null })).toBe(0);
    expect(await orm.em.fork().count(OutboxMessage, { attempts: { $ne: 1 } })).toBe(0);
  });

  it('records a failed publish, backs off, and publishes on a later round', async () => {
    const [id] = await record(1, 'A');
    let now = Date.now();
    const relay = newRelay({ now: () => now, backoff: (failures) => failures * 10_000 });
    // Bounded: a long (multi-byte) error is cut to 1000 characters, not refused by the column.
    bus.failures.push(`broker away ${'错'.repeat(2000)}`);
    expect(await relay.runOnce()).toEqual({ claimed: 1, published: 0, failed: 1 });
    const failed = await row(id!);
    expect(failed).toMatchObject({ attempts: 1, publishedAt: null, claimedBy: null, claimedUntil: null });
    expect(failed.lastError).toMatch(/^Error: broker away 错错/);
    expect(Array.from(failed.lastError!)).toHaveLength(1000);
    expect(failed.nextAttemptAt.getTime()).toBe(now + 10_000);

    expect(await relay.runOnce()).toMatchObject({ claimed: 0 });
    now += 10_000;
    expect(await relay.runOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
    expect(await row(id!)).toMatchObject({ attempts: 2, lastError: failed.lastError });
    await inner.idle();
    expect(delivered.map((e) => e.id)).toEqual([id]);
  });

  it('ends a round at the first failure and releases the rest of the batch', async () => {
    const relay = newRelay();
    const [first, second, third] = await record(3, 'A');
    bus.failures.push('', 'broker away');
    expect(await relay.runOnce()).toEqual({ claimed: 3, published: 1, failed: 1 });
    expect((await row(first!)).publishedAt).not.toBeNull();
    expect(await row(second!)).toMatchObject({ attempts: 1, lastError: 'Error: broker away' });
    expect(await row(third!)).toMatchObject({ attempts: 0, claimedBy: null, publishedAt: null });
    expect(await relay.runOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
    expect((await row(third!)).publishedAt).not.toBeNull();
  });

  it('lets stop() wait for the round in flight', async () => {
    let release!: () => void;
    bus.gate = new Promise((resolve) => (release = resolve));
    const publishing = new Promise<void>((resolve) => (bus.onPublish = resolve));
    const [id] = await record(1, 'A');
    const relay = newRelay();
    relay.start();
    await publishing;
    const stopped = relay.stop();
    release();
    await stopped;
    expect((await row(id!)).publishedAt).not.toBeNull();
  });

  it('deletes published rows older than keepPublishedDays, and nothing else', async () => {
    let now = Date.now() + 1000;
    const relay = newRelay({ now: () => now, keepPublishedDays: 7 });
    const [old] = await record(1, 'old');
    await relay.runOnce();
    now += 8 * 86_400_000;
    const [fresh] = await record(1, 'fresh');
    await relay.runOnce();
    const [pending] = await record(1, 'pending');
    expect(await relay.prune()).toBe(1);
    const left = await orm.em.fork().find(OutboxMessage, {});
    expect(left.map((m) => m.id).sort()).toEqual([fresh!, pending!].sort());
    expect(left.some((m) => m.id === old)).toBe(false);
  });

  describe('with handleOnce', () => {
    const tally = async () => (await orm.em.fork().findOneOrFail(Tally, 'approved')).count;
    const increment = (tx: Parameters<Parameters<typeof handleOnce>[3]>[0]) =>
      tx.nativeUpdate(Tally, { name: 'approved' }, { count: raw('count + 1') });

    it('makes a redelivery after a lost acknowledgement a no-op', async () => {
      const outcomes: boolean[] = [];
      await inner.subscribe('tally', 'affairs.>', async (event, { deliveryCount }) => {
        const outcome = await handleOnce(orm.em.fork(), 'tally', event.id, increment);
        outcomes.push(outcome.handled);
        // The effects committed, but the acknowledgement "got lost": the bus delivers again.
        if (deliveryCount === 1) throw new Error('ack lost');
      });
      await record(1, 'A');
      await newRelay().runOnce();
      await inner.idle();
      expect(outcomes).toEqual([true, false]);
      expect(await tally()).toBe(1);
      expect(await orm.em.fork().count(ProcessedEvent, { consumer: 'tally' })).toBe(1);
    });

    it('keeps nothing when the handler throws, so the redelivery does the work', async () => {
      const deliveries: number[] = [];
      await inner.subscribe('tally', 'affairs.>', async (event, { deliveryCount }) => {
        deliveries.push(deliveryCount);
        await handleOnce(orm.em.fork(), 'tally', event.id, async (tx) => {
          await increment(tx);
          if (deliveryCount === 1) throw new Error('downstream away');
        });
      });
      await record(1, 'A');
      await newRelay().runOnce();
      await inner.idle();
      expect(deliveries).toEqual([1, 2]);
      expect(await tally()).toBe(1);
    });

    it('lets exactly one of several concurrent deliveries do the work', async () => {
      // PostgreSQL: two connection pools, as two replicas. SQLite: one pool (a second connection
      // in the same process would block the event loop; see shared-test-database.ts).
      const pools = driver === 'postgresql' ? [orm, await db.open()] : [orm];
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          handleOnce(pools[i % pools.length]!.em.fork(), 'tally', 'event-1', increment),
        ),
      );
      expect(results.filter((r) => r.handled)).toHaveLength(1);
      expect(await tally()).toBe(1);
    });

    it('does not mistake a unique violation of its own for a duplicate event', async () => {
      await expect(
        handleOnce(orm.em.fork(), 'tally', 'event-2', (tx) =>
          tx.insert(Tally, { name: 'approved', count: 9 }),
        ),
      ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
      expect(await orm.em.fork().count(ProcessedEvent)).toBe(0);
    });
  });
});
