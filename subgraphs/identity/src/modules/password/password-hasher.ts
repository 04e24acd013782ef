import { randomBytes } from 'node:crypto';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import { Semaphore } from './semaphore.js';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasherOptions {
  /** How many argon2 operations may run at once (each takes ~19 MiB and ~40 ms of one core). */
  concurrency?: number;
  /** How many may wait; beyond that sign-in answers "busy" at once (QueueFullError). */
  maxQueue?: number;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Check a password. `digest` null (no such account) still costs one full verification against a
   * dummy hash, so the answer takes as long whether or not the account exists.
   */
  verify(digest: string | null, password: string): Promise<boolean>;
  /** True when a stored hash was made with weaker parameters than today's. */
  needsRehash(digest: string): boolean;
  /** argon2 operations started so far (tests use it to prove the dummy verification happens). */
  readonly operations: number;
  /** The most argon2 operations ever seen running at once (never above `concurrency`). */
  readonly peakRunning: number;
  readonly running: number;
  readonly queued: number;
}

/**
 * argon2id behind a small semaphore: a flood of sign-ins queues for a bounded number of hashing
 * slots instead of taking every core and all memory, and a full queue fails fast.
 */
export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const semaphore = new Semaphore(options.concurrency ?? 2, options.maxQueue ?? 100);
  let operations = 0;
  let peakRunning = 0;
  let dummy: Promise<string> | null = null;
  const dummyHash = () =>
    (dummy ??= hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS).catch((error: unknown) => {
      dummy = null;
      throw error;
    }));
  const slot = <T>(operation: () => Promise<T>) =>
    semaphore.run(() => {
      operations++;
      peakRunning = Math.max(peakRunning, semaphore.running);
      return operation();
    });

  return {
    hash: (password) => slot(() => hash(password, ARGON2_OPTIONS)),
    async verify(digest, password) {
      const target = digest ?? (await dummyHash());
      const matches = await slot(() => verify(target, password).catch(() => false));
      return digest !== null && matches;
    },
    needsRehash: (digest) =>
      needsRehash(digest, {
        memoryCost: ARGON2_OPTIONS.memoryCost,
        timeCost: ARGON2_OPTIONS.timeCost,
        parallelism: ARGON2_OPTIONS.parallelism,
      }),
    get operations() {
      return operations;
    },
    get peakRunning() {
      return peakRunning;
    },
    get running() {
      return semaphore.running;
    },
    get queued() {
      return semaphore.queued;
    },
  };
}
