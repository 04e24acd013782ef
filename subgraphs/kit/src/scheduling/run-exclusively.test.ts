import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Orm } from '../db/orm.js';
import { createSharedTestDatabase, type SharedTestDatabase } from '../events/shared-test-database.js';
import { createLogger } from '../logger.js';
import { testDrivers } from '../testing/index.js';
import { leaseEntities } from './index.js';
import { Lease } from './lease.entity.js';
import { runExclusively, type ExclusiveJob, type RunExclusivelyOptions } from './run-exclusively.js';

const log = createLogger('test', 'silent');

describe.each(testDrivers())('runExclusively on %s', (driver) => {
  let db: SharedTestDatabase;
  let pools: Orm[];
  const jobs: ExclusiveJob[] = [];
  let runs: Record<string, number>;

  const job = (owner: string, pool: number, options: Partial<RunExclusivelyOptions> = {}) => {
    const started = runExclusively({
      orm: pools[pool]!,
      name: 'sla-clock',
      everyMs: 1000,
      ttlMs: 5000,
      task: async () => {
        runs[owner] = (runs[owner] ?? 0) + 1;
      },
      log,
      owner,
      autoStart: false,
      ...options,
    });
    jobs.push(started);
    return started;
  };

  beforeAll(async () => {
    db = await createSharedTestDatabase(driver, leaseEntities);
    pools = [await db.open(), await db.open()];
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await pools[0]!.em.fork().nativeDelete(Lease, {});
    runs = {};
  });
  afterEach(async () => {
    await Promise.all(jobs.splice(0).map((j) => j.stop()));
  });

  it('runs the task only where the lease is held, and elsewhere once it expires', async () => {
    let now = Date.parse('2026-11-29T08:00:00Z');
    const a = job('a', 0, { now: () => now });
    const b = job('b', 1, { now: () => now });
    const first = await Promise.all([a.tick(), b.tick()]);
    expect(first.filter(Boolean)).toHaveLength(1);
    const [holder, other] = first[0] ? [a, b] : [b, a];
    for (let i = 0; i < 3; i++) {
      now += 1000;
      expect(await Promise.all([holder.tick(), other.tick()])).toEqual([true, false]);
    }
    expect(runs).toEqual({ [holder.owner]: 4 });

    // The holder stops renewing (a crash): the other takes over when the lease expires.
    now += 4999;
    expect(await other.tick()).toBe(false);
    now += 1;
    expect(await other.tick()).toBe(true);
    expect(await holder.tick()).toBe(false);
    expect(runs).toEqual({ [holder.owner]: 4, [other.owner]: 1 });
  });

  it('keeps its turn when the task throws', async () => {
    let calls = 0;
    const a = job('a', 0, {
      task: async () => {
        calls += 1;
        if (calls === 1) throw new Error('SLA scan failed');
      },
    });
    expect(await a.tick()).toBe(true);
    expect(await a.tick()).toBe(true);
    expect(calls).toBe(2);
  });

  it('ticks on its timer, and hands over at once when the holder stops', async () => {
    // A lease far longer than the test: only the release in stop() can hand it over in time.
    const a = job('a', 0, { everyMs: 10, ttlMs: 600_000, autoStart: true });
    await vi.waitUntil(() => (runs.a ?? 0) >= 3, { timeout: 5000 });
    const b = job('b', 1, { everyMs: 10, ttlMs: 600_000, autoStart: true });
    expect(await b.tick()).toBe(false);
    await a.stop();
    const ranOnA = runs.a;
    await vi.waitUntil(() => (runs.b ?? 0) >= 3, { timeout: 5000 });
    expect(runs.a).toBe(ranOnA);
  });

  it('refuses a lease that does not outlast the interval', () => {
    expect(() => job('a', 0, { everyMs: 5000, ttlMs: 5000 })).toThrow(/ttlMs must be longer/);
  });
});
