import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface ThrottleRule {
  /** Failures allowed within the window… */
  points: number;
  windowSeconds: number;
  /** …after which the key is refused for this long. */
  blockSeconds: number;
}

/**
 * The numbers. The lockout a person meets is `signInAccountIp`: the 11th attempt at one login
 * from one IP within 15 minutes of 10 failures is refused, for 15 minutes from the 10th failure,
 * even with the right password. The wider rules stop guessing spread over IPs or accounts.
 */
export const THROTTLE_RULES = {
  signInAccountIp: { points: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signInAccount: { points: 50, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  signInIp: { points: 100, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  secondFactor: { points: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  signUpIp: { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Wrong secrets (or unknown ids) per client id at issueClientToken. */
  clientCredentials: { points: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
} satisfies Record<string, ThrottleRule>;
export type ThrottleName = keyof typeof THROTTLE_RULES;

/** Keys never hold a phone number or username in the clear (they may sit in Redis). */
export function throttleKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}

/** One counter (in memory, or in Redis so every instance shares it) with its rule. */
export class Throttle {
  constructor(
    readonly limiter: RateLimiterAbstract,
    readonly rule: ThrottleRule,
  ) {}

  /** Count one attempt now; refused when it is over the limit (or the key is blocked). */
  async take(key: string): Promise<{ consumed: number; refusedForMs: number | null }> {
    const res = await this.limiter.penalty(key, 1);
    return {
      consumed: res.consumedPoints,
      refusedForMs: res.consumedPoints > this.rule.points ? Math.max(res.msBeforeNext, 1000) : null,
    };
  }

  /** Give one attempt back (it was refused elsewhere, or succeeded). */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async block(key: string): Promise<void> {
    await this.limiter.block(key, this.rule.blockSeconds);
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

export type Throttles = Record<ThrottleName, Throttle>;

export interface ThrottleOptions {
  /** Share counters through Redis (REDIS_URL); in-process memory otherwise. */
  redis?: Redis;
  /** Namespace of the keys; tests use their own. */
  keyPrefix?: string;
  rules?: Partial<Record<ThrottleName, ThrottleRule>>;
}

/**
 * Build the throttles. With Redis, each one falls back to an in-memory counter (per instance) if
 * Redis does not answer, so an outage weakens the limits instead of opening sign-in wide.
 */
export function createThrottles(options: ThrottleOptions = {}): Throttles {
  const prefix = options.keyPrefix ?? 'bianmin:identity';
  const build = (name: ThrottleName): Throttle => {
    const rule = { ...THROTTLE_RULES[name], ...options.rules?.[name] };
    const base = { keyPrefix: `${prefix}:${name}`, points: rule.points, duration: rule.windowSeconds };
    const memory = new RateLimiterMemory(base);
    const limiter = options.redis
      ? new RateLimiterRedis({
          ...base,
          storeClient: options.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory;
    return new Throttle(limiter, rule);
  };
  return Object.fromEntries(
    (Object.keys(THROTTLE_RULES) as ThrottleName[]).map((name) => [name, build(name)]),
  ) as Throttles;
}

/**
 * One attempt counted against several throttles at once. Taken before the password is checked,
 * so parallel guesses cannot slip past the limit while earlier ones are being verified.
 */
export class Attempt {
  private constructor(
    private readonly entries: Array<{ throttle: Throttle; key: string; consumed: number }>,
    readonly refusedForMs: number | null,
  ) {}

  static async take(list: Array<{ throttle: Throttle; key: string }>): Promise<Attempt> {
    const taken = await Promise.all(list.map(async (e) => ({ ...e, ...(await e.throttle.take(e.key)) })));
    const refusals = taken.map((t) => t.refusedForMs).filter((ms): ms is number => ms !== null);
    if (refusals.length > 0) {
      // A refused attempt is not a failure: it must not push other counters towards their limit.
      await Promise.all(taken.map((t) => t.throttle.giveBack(t.key)));
      return new Attempt([], Math.max(...refusals));
    }
    return new Attempt(taken, null);
  }

  /** Wrong credentials: keep the count; block every key that has reached its limit. Returns the attempts left on the first key. */
  async failed(): Promise<number> {
    await Promise.all(
      this.entries.filter((e) => e.consumed >= e.throttle.rule.points).map((e) => e.throttle.block(e.key)),
    );
    const first = this.entries[0];
    return first ? Math.max(first.throttle.rule.points - first.consumed, 0) : 0;
  }

  /** Not a verdict (e.g. the server was too busy to check): the attempt is given back everywhere. */
  async cancelled(): Promise<void> {
    await Promise.all(this.entries.map((e) => e.throttle.giveBack(e.key)));
  }

  /** Right credentials: the first key (login + IP) starts afresh; the wider ones get this attempt back. */
  async succeeded(): Promise<void> {
    await Promise.all(
      this.entries.map((e, i) => (i === 0 ? e.throttle.clear(e.key) : e.throttle.giveBack(e.key))),
    );
  }
}
