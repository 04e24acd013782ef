/**
 * Requests per partner API client per minute, in memory (one fixed one-minute window per client).
 * The limit each client gets travels in its access token as a `rate:<n>` scope, which identity
 * writes from the client's `rateLimitPerMinute`; a token without one gets the gateway's default
 * (`PARTNER_RATE_LIMIT_PER_MINUTE`). Counters are per gateway instance: with several instances a
 * client can reach n × the limit, which the stored limit already allows for.
 */
export const RATE_SCOPE_PREFIX = 'rate:';
export const MAX_RATE_LIMIT_PER_MINUTE = 6000;
const WINDOW_MS = 60_000;

/** The per-minute limit in a token's scopes (`rate:600`), clamped to 1–6000; `fallback` without one. */
export function rateLimitOf(scopes: readonly string[] | undefined, fallback: number): number {
  const scope = scopes?.find((s) => s.startsWith(RATE_SCOPE_PREFIX));
  const value = scope ? Number(scope.slice(RATE_SCOPE_PREFIX.length)) : NaN;
  if (!Number.isInteger(value)) return fallback;
  return Math.min(Math.max(value, 1), MAX_RATE_LIMIT_PER_MINUTE);
}

export class ClientRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Count one request of `clientId`; when over `limit`, how many seconds until the window resets. */
  take(clientId: string, limit: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const windowStart = now - (now % WINDOW_MS);
    let window = this.windows.get(clientId);
    if (!window || window.start !== windowStart) {
      if (this.windows.size > 10_000) this.sweep(windowStart);
      window = { start: windowStart, count: 0 };
      this.windows.set(clientId, window);
    }
    window.count += 1;
    if (window.count <= limit) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
    };
  }

  /** Forget the windows that have ended, so idle clients do not hold memory. */
  private sweep(currentStart: number): void {
    for (const [id, window] of this.windows) if (window.start !== currentStart) this.windows.delete(id);
  }
}
