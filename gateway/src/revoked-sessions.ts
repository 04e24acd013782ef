import type { Logger } from '@bianmin/kit';

export interface RevokedSessionsOptions {
  /**
   * Sessions kept at most. When a revocation would go beyond it, expired entries are pruned and
   * then the entries that expire soonest are dropped (logged as an error): their tokens work
   * again for what is left of their lifetime. Default 100 000 (a few MB).
   */
  maxEntries?: number;
  /**
   * How long an entry outlives `tokensValidUntil`: the token check's 5-second clock tolerance,
   * and a refresh that signed a token just as the session was revoked. Default 30 s.
   */
  graceMs?: number;
  /** Expired entries are pruned when one is added, at most this often. Default 60 s. */
  pruneEveryMs?: number;
  now?: () => number;
  log?: Logger;
}

/**
 * Sessions that identity revoked while access tokens of theirs may still be valid
 * (`identity.session.revoked`). In memory, per gateway instance; an entry lives until no token of
 * its session can be valid any more, so the list holds at most one token lifetime of revocations.
 */
export class RevokedSessions {
  /** Session id → when it can be forgotten (ms). */
  private readonly until = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly graceMs: number;
  private readonly pruneEveryMs: number;
  private readonly now: () => number;
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RevokedSessionsOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.graceMs = options.graceMs ?? 30_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Remember that these sessions ended and that their tokens are valid until `tokensValidUntil`
   * (ms) at the latest. Idempotent; returns how many entries were added or extended (none when
   * the tokens have expired already).
   */
  add(sessionIds: Iterable<string>, tokensValidUntil: number): number {
    const now = this.now();
    const forgetAt = tokensValidUntil + this.graceMs;
    if (forgetAt <= now) return 0;
    if (now - this.lastPruneAt >= this.pruneEveryMs) this.prune();
    let changed = 0;
    for (const id of sessionIds) {
      if ((this.until.get(id) ?? Number.NEGATIVE_INFINITY) >= forgetAt) continue;
      if (!this.until.has(id) && this.until.size >= this.maxEntries) this.makeRoom();
      this.until.set(id, forgetAt);
      changed += 1;
    }
    return changed;
  }

  /** Whether tokens of this session must be refused. */
  has(sessionId: string): boolean {
    const forgetAt = this.until.get(sessionId);
    if (forgetAt === undefined) return false;
    if (forgetAt > this.now()) return true;
    this.until.delete(sessionId);
    return false;
  }

  /** Forget the entries whose tokens have all expired; returns how many. */
  prune(): number {
    const now = this.now();
    this.lastPruneAt = now;
    let pruned = 0;
    for (const [id, forgetAt] of this.until) {
      if (forgetAt > now) continue;
      this.until.delete(id);
      pruned += 1;
    }
    return pruned;
  }

  get size(): number {
    return this.until.size;
  }

  /** Full: prune, and if that is not enough drop the soonest-expiring tenth (one sort per many adds). */
  private makeRoom(): void {
    this.prune();
    if (this.until.size < this.maxEntries) return;
    const keep = Math.floor(this.maxEntries * 0.9);
    const soonestFirst = [...this.until].sort((a, b) => a[1] - b[1]);
    const dropped = soonestFirst.slice(0, Math.max(1, soonestFirst.length - keep));
    for (const [id] of dropped) this.until.delete(id);
    this.options.log?.error(
      { event: 'revoked-sessions-full', maxEntries: this.maxEntries, dropped: dropped.length },
      'revoked-session list full: the entries expiring soonest were dropped, so those tokens work until they expire',
    );
  }
}
