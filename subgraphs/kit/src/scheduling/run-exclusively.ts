import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { releaseLease, tryAcquireLease } from './lease.js';
import { Pause } from './pause.js';

export interface RunExclusivelyOptions {
  orm: Orm;
  /** The lease's name: one per job, e.g. `affairs.sla-clock`. */
  name: string;
  /** Run `task` this often (on the instance holding the lease). */
  everyMs: number;
  /** Lease length, renewed on every run; must be longer than `everyMs` plus the task's duration. */
  ttlMs: number;
  task: () => Promise<void>;
  log: Logger;
  /** This instance's name in the lease. Default host, pid and a random suffix. */
  owner?: string;
  now?: () => number;
  /** Start the timer at once (default). Tests pass false and call `tick()` themselves. */
  autoStart?: boolean;
}

export interface ExclusiveJob {
  /** Take or renew the lease and, if this instance holds it, run the task once. True if it ran. */
  tick(): Promise<boolean>;
  /** Stop the timer, wait for a running task, and give the lease up so another instance takes over. */
  stop(): Promise<void>;
  readonly owner: string;
}

/**
 * A periodic job that runs on one replica at a time: every `everyMs` each instance tries to take
 * (or renew) the lease, and only the holder runs `task`. If the holder dies, its lease expires
 * after `ttlMs` and another instance takes over. The task should still be safe to run twice
 * (a holder that stalls past `ttlMs` may overlap its successor once): keep it idempotent.
 */
export function runExclusively(options: RunExclusivelyOptions): ExclusiveJob {
  const { orm, name, everyMs, ttlMs, task, log } = options;
  if (ttlMs <= everyMs) throw new Error(`runExclusively(${name}): ttlMs must be longer than everyMs`);
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = { now: options.now ?? Date.now };
  const pause = new Pause();
  let serial: Promise<unknown> = Promise.resolve();
  let running = false;
  let loop: Promise<void> | null = null;
  let holding = false;

  const once = async (): Promise<boolean> => {
    let held: boolean;
    try {
      held = await tryAcquireLease(orm.em.fork(), name, owner, ttlMs, clock);
    } catch (error) {
      log.error({ err: error, lease: name }, 'could not take the lease');
      held = false;
    }
    if (held !== holding) log.info({ lease: name, owner }, held ? 'lease taken' : 'lease lost');
    holding = held;
    if (!held) return false;
    try {
      await task();
    } catch (error) {
      log.error({ err: error, lease: name }, 'exclusive task failed');
    }
    return true;
  };

  const tick = (): Promise<boolean> => {
    const result = serial.then(once);
    serial = result.catch(() => undefined);
    return result;
  };

  const start = () => {
    running = true;
    loop = (async () => {
      while (running) {
        await tick();
        if (running) await pause.wait(everyMs);
      }
    })();
  };

  if (options.autoStart ?? true) start();

  return {
    owner,
    tick,
    async stop() {
      running = false;
      pause.wake();
      await loop;
      await serial;
      if (holding) {
        await releaseLease(orm.em.fork(), name, owner).catch((error: unknown) =>
          log.warn({ err: error, lease: name }, 'could not release the lease'),
        );
        holding = false;
      }
    },
  };
}
