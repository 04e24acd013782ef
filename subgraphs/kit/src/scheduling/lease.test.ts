import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Orm } from '../db/orm.js';
import { createSharedTestDatabase, type SharedTestDatabase } from '../events/shared-test-database.js';
import { testDrivers } from '../testing/index.js';
import { leaseEntities } from './index.js';
import { Lease } from './lease.entity.js';
import { releaseLease, renewLease, tryAcquireLease } from './lease.js';

const TTL = 10_000;

describe.each(testDrivers())('leases on %s', (driver) => {
  let db: SharedTestDatabase;
  // Two ORMs with their own connections, as two replicas. (Lease calls hold no transaction, so
  // two SQLite connections in one process do not block each other.)
  let pools: Orm[];
  let now: number;
  const clock = { now: () => now };
  const em = (i = 0) => pools[i % pools.length]!.em.fork();
  const holder = async () => (await em().findOne(Lease, 'sla-clock'))?.owner ?? null;

  beforeAll(async () => {
    db = await createSharedTestDatabase(driver, leaseEntities);
    pools = [await db.open(), await db.open()];
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await em().nativeDelete(Lease, {});
    now = Date.parse('2026-11-29T08:00:00Z');
  });

  const race = (owners: string[]) =>
    Promise.all(owners.map((owner, i) => tryAcquireLease(em(i), 'sla-clock', owner, TTL, clock)));

  it('goes to exactly one of several contenders at the same time, when there is no row yet', async () => {
    const owners = ['a', 'b', 'c', 'd', 'e', 'f'];
    const won = await race(owners);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await holder()).toBe(owners[won.indexOf(true)]);
  });

  it('goes to exactly one of several contenders at the same time, when the old lease expired', async () => {
    await em().insert(Lease, { name: 'sla-clock', owner: 'gone', expiresAt: new Date(now - 1) });
    const owners = ['a', 'b', 'c', 'd', 'e', 'f'];
    const won = await race(owners);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await holder()).toBe(owners[won.indexOf(true)]);
  });

  it('keeps others out until it expires, then lets one take over', async () => {
    expect(await tryAcquireLease(em(0), 'sla-clock', 'a', TTL, clock)).toBe(true);
    expect(await tryAcquireLease(em(1), 'sla-clock', 'b', TTL, clock)).toBe(false);
    now += TTL - 1;
    expect(await tryAcquireLease(em(1), 'sla-clock', 'b', TTL, clock)).toBe(false);
    expect(await renewLease(em(0), 'sla-clock', 'a', TTL, clock)).toBe(true);
    now += TTL - 1;
    expect(await tryAcquireLease(em(1), 'sla-clock', 'b', TTL, clock)).toBe(false);
    now += 1;
    expect(await tryAcquireLease(em(1), 'sla-clock', 'b', TTL, clock)).toBe(true);
    expect(await holder()).toBe('b');
    // The old holder learns it lost the lease and cannot take it back while b holds it.
    expect(await renewLease(em(0), 'sla-clock', 'a', TTL, clock)).toBe(false);
    expect(await tryAcquireLease(em(0), 'sla-clock', 'a', TTL, clock)).toBe(false);
  });

  it('is extended when the holder acquires it again, and renewed only while held', async () => {
    expect(await renewLease(em(), 'sla-clock', 'a', TTL, clock)).toBe(false);
    expect(await tryAcquireLease(em(), 'sla-clock', 'a', TTL, clock)).toBe(true);
    now += 5000;
    expect(await tryAcquireLease(em(), 'sla-clock', 'a', TTL, clock)).toBe(true);
    expect((await em().findOneOrFail(Lease, 'sla-clock')).expiresAt.getTime()).toBe(now + TTL);
    now += TTL;
    expect(await renewLease(em(), 'sla-clock', 'a', TTL, clock)).toBe(false);
  });

  it('is handed over at once on release; a release by someone else changes nothing', async () => {
    expect(await tryAcquireLease(em(0), 'sla-clock', 'a', TTL, clock)).toBe(true);
    expect(await releaseLease(em(1), 'sla-clock', 'b')).toBe(false);
    expect(await holder()).toBe('a');
    expect(await releaseLease(em(0), 'sla-clock', 'a')).toBe(true);
    expect(await tryAcquireLease(em(1), 'sla-clock', 'b', TTL, clock)).toBe(true);
  });
});
