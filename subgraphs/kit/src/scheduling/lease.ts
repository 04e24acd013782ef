import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Lease } from './lease.entity.js';

export interface LeaseClock {
  /** Milliseconds since the epoch; injectable so tests control expiry. */
  now?: () => number;
}

/**
 * Take the lease `name` for `owner` for `ttlMs`, or extend it if `owner` already holds it.
 * True when `owner` holds it afterwards. Atomic on SQLite and PostgreSQL without a transaction:
 * a conditional UPDATE takes a lease that is ours or has expired; when there is no row yet,
 * INSERT … ON CONFLICT DO NOTHING lets exactly one of several racing contenders create it.
 * Call it outside a transaction (a held lock would serialise the contenders for nothing).
 */
export async function tryAcquireLease(
  em: EntityManager,
  name: string,
  owner: string,
  ttlMs: number,
  { now = Date.now }: LeaseClock = {},
): Promise<boolean> {
  const at = now();
  const expiresAt = new Date(at + ttlMs);
  const taken = await em.nativeUpdate(
    Lease,
    { name, $or: [{ owner }, { expiresAt: { $lte: new Date(at) } }] },
    { owner, expiresAt },
  );
  if (taken > 0) return true;
  // Both drivers are SQL drivers (db/orm.ts).
  const inserted = await (em as SqlEntityManager)
    .createQueryBuilder(Lease)
    .insert({ name, owner, expiresAt })
    .onConflict('name')
    .ignore()
    .execute('run');
  // Nothing inserted: someone else holds it, or created it between our two statements.
  return inserted.affectedRows > 0;
}

/** Extend a lease `owner` still holds (not expired). False when it was lost: stop working. */
export async function renewLease(
  em: EntityManager,
  name: string,
  owner: string,
  ttlMs: number,
  { now = Date.now }: LeaseClock = {},
): Promise<boolean> {
  const at = now();
  const renewed = await em.nativeUpdate(
    Lease,
    { name, owner, expiresAt: { $gt: new Date(at) } },
    { expiresAt: new Date(at + ttlMs) },
  );
  return renewed > 0;
}

/** Give the lease up so another instance can take it at once. False when `owner` did not hold it. */
export async function releaseLease(em: EntityManager, name: string, owner: string): Promise<boolean> {
  return (await em.nativeDelete(Lease, { name, owner })) > 0;
}
