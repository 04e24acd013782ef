import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import type { BusEvent } from './bus.js';
import { InProcessBus } from './in-process-bus.js';

const log = createLogger('test', 'silent');

function event(topic: string, payload: unknown = {}): BusEvent {
  return { id: randomUUID(), topic, key: 'k1', payload, headers: {}, occurredAt: new Date().toISOString() };
}

describe('the in-process bus', () => {
  let bus: InProcessBus;
  afterEach(async () => bus.close());

  it('delivers after publish returns, to each durable whose pattern matches', async () => {
    bus = new InProcessBus({ log });
    const seen: string[] = [];
    let publishing = true;
    let ranDuringPublish = false;
    await bus.subscribe('approvals', 'affairs.*.approved', async (e) => {
      ranDuringPublish ||= publishing;
      seen.push(`approvals:${e.topic}`);
    });
    await bus.subscribe('everything', 'affairs.>', async (e) => void seen.push(`everything:${e.topic}`));
    await bus.publish(event('affairs.application.approved'));
    await bus.publish(event('affairs.application.rejected'));
    await bus.publish(event('ledger.transfer.done'));
    publishing = false;
    await bus.idle();
    expect(ranDuringPublish).toBe(false);
    expect(seen.sort()).toEqual([
      'approvals:affairs.application.approved',
      'everything:affairs.application.approved',
      'everything:affairs.application.rejected',
    ]);
  });

  it('hands each event to one member of a durable', async () => {
    bus = new InProcessBus({ log });
    const delivered: string[] = [];
    for (let member = 0; member < 2; member++) {
      await bus.subscribe('workers', 'jobs.>', async (e) => void delivered.push(e.id));
    }
    const published = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const e = event('jobs.item.created');
      published.add(e.id);
      await bus.publish(e);
    }
    await bus.idle();
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered)).toEqual(published);
  });

  it('delivers again, with backoff, when a handler throws', async () => {
    const delays: number[] = [];
    bus = new InProcessBus({
      log,
      backoff: (failures) => {
        delays.push(failures);
        return 5;
      },
    });
    const deliveries: number[] = [];
    await bus.subscribe('flaky', 'affairs.>', async (_e, { deliveryCount }) => {
      deliveries.push(deliveryCount);
      if (deliveryCount < 3) throw new Error('not yet');
    });
    await bus.publish(event('affairs.application.approved'));
    await bus.idle();
    expect(deliveries).toEqual([1, 2, 3]);
    expect(delays).toEqual([1, 2]);
  });

  it('gives up after maxDeliver deliveries', async () => {
    bus = new InProcessBus({ log, maxDeliver: 3, backoff: () => 1 });
    let calls = 0;
    await bus.subscribe('poison', 'affairs.>', async () => {
      calls += 1;
      throw new Error('always');
    });
    await bus.publish(event('affairs.application.approved'));
    await bus.idle();
    expect(calls).toBe(3);
  });

  it('drops a second publish of the same id within the duplicate window', async () => {
    let now = 1_000_000;
    bus = new InProcessBus({ log, duplicateWindowMs: 60_000, now: () => now });
    const ids: string[] = [];
    await bus.subscribe('dedup', 'affairs.>', async (e) => void ids.push(e.id));
    const e = event('affairs.application.approved');
    await bus.publish(e);
    await bus.publish({ ...e });
    await bus.idle();
    expect(ids).toEqual([e.id]);
    now += 60_001;
    await bus.publish({ ...e });
    await bus.idle();
    expect(ids).toEqual([e.id, e.id]);
  });

  it('gives handlers a JSON copy, and holds events for a durable until it subscribes again', async () => {
    bus = new InProcessBus({ log });
    const got: unknown[] = [];
    const first = await bus.subscribe('later', 'affairs.>', async (e) => void got.push(e.payload));
    await first.close();
    await bus.publish(event('affairs.application.approved', { at: new Date(0), n: 1 }));
    await bus.idle();
    expect(got).toEqual([]);
    await bus.subscribe('later', 'affairs.>', async (e) => void got.push(e.payload));
    await bus.idle();
    expect(got).toEqual([{ at: '1970-01-01T00:00:00.000Z', n: 1 }]);
  });

  it('waits for running handlers on close and refuses to publish afterwards', async () => {
    bus = new InProcessBus({ log });
    let release!: () => void;
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    await bus.subscribe('slow', 'affairs.>', async () => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
    });
    await bus.publish(event('affairs.application.approved'));
    await handlerStarted;
    const closing = bus.close();
    release();
    await closing;
    expect(finished).toBe(true);
    await expect(bus.publish(event('affairs.application.approved'))).rejects.toThrow(/closed/);
  });
});
