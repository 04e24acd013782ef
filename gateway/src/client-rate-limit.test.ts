import { describe, expect, it } from 'vitest';
import { ClientRateLimiter, rateLimitOf } from './client-rate-limit.js';

describe('ClientRateLimiter', () => {
  it('allows `limit` requests per client per minute, then says when to retry', () => {
    let now = 1_800_000_000_000 + 15_000; // 15 s into a minute
    const limiter = new ClientRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect(limiter.take('c1', 3)).toEqual({ allowed: true });
    expect(limiter.take('c1', 3)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('c2', 3)).toEqual({ allowed: true });
    now += 45_000;
    expect(limiter.take('c1', 3)).toEqual({ allowed: true });
  });
});

describe('rateLimitOf', () => {
  it('reads rate:<n> from the scopes, clamped, with a fallback', () => {
    expect(rateLimitOf(['catalog:read', 'rate:120'], 600)).toBe(120);
    expect(rateLimitOf(['rate:999999'], 600)).toBe(6000);
    expect(rateLimitOf(['rate:0'], 600)).toBe(1);
    expect(rateLimitOf(['rate:abc'], 600)).toBe(600);
    expect(rateLimitOf(undefined, 600)).toBe(600);
  });
});
