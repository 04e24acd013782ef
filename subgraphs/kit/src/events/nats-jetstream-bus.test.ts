import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import type { Orm } from '../db/orm.js';
import { createLogger } from '../logger.js';
import { testDrivers } from '../testing/index.js';
import type { BusEvent } from './bus.js';
import { outboxEntities } from './index.js';
import { NatsJetStreamBus } from './nats-jetstream-bus.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.js';
import { recordEvent } from './record-event.js';
import { createSharedTestDatabase, type SharedTestDatabase } from './shared-test-database.js';
import { uuidv7 } from './uuidv7.js';
import { natsReachable, skippedBecauseNatsIsDown, TEST_NATS_URL } from './nats-test-server.js';

const log = createLogger('test', 'silent');
const NATS_URL = TEST_NATS_URL;
const natsUp = await natsReachable();
const title = natsUp ? 'the NATS JetStream bus' : `the NATS JetStream bus — ${skippedBecauseNatsIsDown}`;

function event(topic: string, payload: unknown = {}): BusEvent {
  return { id: uuidv7(), topic, key: 'k1', payload, headers: {}, occurredAt: new Date().toISOString() };
}

describe.skipIf(!natsUp)(title, () => {
  // A stream and subject space of this run's own, deleted afterwards.
  const suffix = randomBytes(4).toString('hex');
  const stream = `BIANMIN_TEST_${suffix}`;
  let bus: NatsJetStreamBus;
  let admin: NatsConnection;
  let jsm: JetStreamManager;

  const settled = (durable: string) =>
    vi.waitUntil(
      async () => {
        const info = await jsm.consumers.info(stream, durable);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      { timeout: 10_000, interval: 20 },
    );

  beforeAll(async () => {
    bus = await NatsJetStreamBus.connect({
      servers: NATS_URL,
      log,
      stream,
      subjectPrefix: `bianmintest${suffix}`,
      backoff: () => 50,
    });
    admin = await connect({ servers: NATS_URL });
    jsm = await admin.jetstreamManager();
  });
  afterAll(async () => {
    await bus?.close();
    await jsm?.streams.delete(stream);
    await admin?.close();
  });

  it('delivers a published event to a durable consumer, and acknowledges it', async () => {
    const got: BusEvent[] = [];
    await bus.subscribe('basic', 'basic.>', async (e) => void got.push(e));
    const sent = { ...event('basic.application.approved', { applicationId: 'A1', 办件: '营业执照' }) };
    sent.headers = { requestId: 'req-1' };
    await bus.publish(sent);
    await vi.waitUntil(() => got.length > 0, { timeout: 10_000 });
    await settled('basic');
    expect(got).toEqual([sent]);
  });

  it('stores the same outbox id once (Nats-Msg-Id), so it is delivered once', async () => {
    const got: string[] = [];
    await bus.subscribe('dedup', 'dedup.>', async (e) => void got.push(e.id));
    const before = (await jsm.streams.info(stream)).state.messages;
    const twice = event('dedup.application.approved');
    await bus.publish(twice);
    await bus.publish({ ...twice });
    const sentinel = event('dedup.application.approved');
    await bus.publish(sentinel);
    await vi.waitUntil(() => got.includes(sentinel.id), { timeout: 10_000 });
    await settled('dedup');
    expect(got).toEqual([twice.id, sentinel.id]);
    expect((await jsm.streams.info(stream)).state.messages).toBe(before + 2);
  });

  it('delivers again when the handler throws, and stops once it succeeds', async () => {
    const deliveries: number[] = [];
    await bus.subscribe('flaky', 'flaky.>', async (_e, { deliveryCount }) => {
      deliveries.push(deliveryCount);
      if (deliveryCount === 1) throw new Error('downstream away');
    });
    await bus.publish(event('flaky.application.approved'));
    await vi.waitUntil(() => deliveries.length >= 2, { timeout: 10_000 });
    await settled('flaky');
    expect(deliveries).toEqual([1, 2]);
  });

  it("keeps a durable consumer's place while it is away", async () => {
    const got: string[] = [];
    const first = await bus.subscribe('away', 'away.>', async (e) => void got.push(e.id));
    await first.close();
    const missed = event('away.application.approved');
    await bus.publish(missed);
    await bus.subscribe('away', 'away.>', async (e) => void got.push(e.id));
    await vi.waitUntil(() => got.length > 0, { timeout: 10_000 });
    await settled('away');
    expect(got).toEqual([missed.id]);
  });

  it('lets the broker delete a per-instance durable once it has had no subscriber for a while', async () => {
    const durable = `inst-${suffix}`;
    const sub = await bus.subscribe(durable, 'gone.>', async () => {}, { inactiveAfterMs: 1000 });
    const info = await jsm.consumers.info(stream, durable);
    expect(info.config.inactive_threshold).toBe(1_000_000_000);
    await sub.close();
    await vi.waitUntil(
      async () =>
        jsm.consumers.info(stream, durable).then(
          () => false,
          () => true,
        ),
      { timeout: 15_000, interval: 200 },
    );
    await expect(bus.subscribe(durable, 'gone.>', async () => {}, { inactiveAfterMs: 10 })).rejects.toThrow(
      /at least 1000/,
    );
  });

  it('shares a durable between replicas: each event is handled by one of them', async () => {
    const got: string[] = [];
    await bus.subscribe('shared', 'shared.>', async (e) => void got.push(e.id));
    await bus.subscribe('shared', 'shared.>', async (e) => void got.push(e.id));
    const sent = Array.from({ length: 30 }, () => event('shared.application.approved'));
    for (const e of sent) await bus.publish(e);
    await vi.waitUntil(() => got.length >= sent.length, { timeout: 10_000 });
    await settled('shared');
    expect(got.sort()).toEqual(sent.map((e) => e.id).sort());
  });

  describe.each(testDrivers())('behind the outbox relay on %s', (driver) => {
    let db: SharedTestDatabase;
    let orm: Orm;
    beforeAll(async () => {
      db = await createSharedTestDatabase(driver, outboxEntities);
      orm = await db.open();
    });
    afterAll(async () => db.drop());

    it('delivers once even when a relay publishes the same row again (crash before marking)', async () => {
      const durable = `relay-${driver}`;
      const got: string[] = [];
      await bus.subscribe(durable, `relay${driver}.>`, async (e) => void got.push(e.id));
      const relay = new OutboxRelay({ orm, bus, log });
      const id = await orm.em
        .fork()
        .transactional((tx) =>
          recordEvent(tx, { topic: `relay${driver}.application.approved`, key: 'A1', payload: { n: 1 } }),
        );
      expect(await relay.runOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
      // As if that relay died after publishing but before stamping the row: it goes out again.
      await orm.em.fork().nativeUpdate(OutboxMessage, { id }, { publishedAt: null });
      expect(await relay.runOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
      const sentinel = await orm.em
        .fork()
        .transactional((tx) =>
          recordEvent(tx, { topic: `relay${driver}.application.approved`, key: 'A2', payload: { n: 2 } }),
        );
      await relay.runOnce();
      await vi.waitUntil(() => got.includes(sentinel), { timeout: 10_000 });
      await settled(durable);
      expect(got).toEqual([id, sentinel]);
    });
  });
});
