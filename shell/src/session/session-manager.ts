/**
 * The resident's session in the browser: which tokens we hold, when to refresh them, when to give up.
 * Pure logic with its dependencies injected (server calls, storage, clock, cross-tab lock), so every
 * rule here is tested without a browser; `browser-session.ts` wires it to `window`.
 *
 * - The access token lives in memory only (a script injected later cannot find it in storage, and
 *   it dies with the tab). The refresh token is kept in localStorage so that a reload or a second
 *   tab stays signed in — see the shell README for the trade-off against an httpOnly cookie.
 * - Refreshes happen shortly before the access token expires and when the gateway says it expired.
 *   Only one refresh runs at a time per tab (one in-flight promise), and tabs take turns through a
 *   lock, always using the newest stored refresh token: refresh tokens rotate, and presenting an
 *   old one revokes the whole session family.
 * - A refresh the server refuses ends the session locally; one that cannot reach the server keeps
 *   it and tries again later.
 * - No activity in any tab for `idleTimeoutMs` signs out.
 * - Other tabs follow through the `storage` event: sign-out, sign-in and a change of account.
 */

/** Tokens as the identity API returns them, with times as epoch milliseconds. */
export interface SessionTokens {
  accountId: string;
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
}

export type RefreshOutcome =
  | { ok: true; tokens: SessionTokens }
  /** The server refused the refresh token (expired, revoked, reused): the session is over. */
  | { ok: false; reason: 'rejected' }
  /** The server could not be reached or failed: keep the session and try again later. */
  | { ok: false; reason: 'unreachable' };

/** The two server calls the manager makes itself (outside Apollo, so no stale bearer goes along). */
export interface SessionTransport {
  refresh(refreshToken: string): Promise<RefreshOutcome>;
  /** Revoke this session (or every session of the account); throws when the server did not confirm. */
  signOut(request: { refreshToken: string; accessToken: string | null; everywhere: boolean }): Promise<void>;
}

/** Why nobody is signed in: shown to the resident ("you were signed out after 30 minutes…"). */
export type SignedOutReason = 'signed-out' | 'expired' | 'idle' | 'other-tab';

export type SessionState =
  /** A refresh token was found at start-up (or another tab signed in); getting an access token. */
  | { status: 'restoring' }
  | { status: 'signed-in'; accountId: string }
  | { status: 'signed-out'; reason: SignedOutReason | null };

/** The part of a session kept in localStorage. */
interface StoredSession {
  accountId: string;
  refreshToken: string;
  refreshTokenExpiresAt: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionManagerOptions {
  transport: SessionTransport;
  /** localStorage; null when storage is unavailable (the session then lasts for this tab only). */
  storage: KeyValueStorage | null;
  now?: () => number;
  /** Runs `task` while no other tab runs one (`navigator.locks`); default: no cross-tab exclusion. */
  lock?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Refresh this long before the access token expires (at most half its remaining life). */
  refreshMarginMs?: number;
  /** Sign out after this long without activity in any tab. */
  idleTimeoutMs?: number;
  /** After an unreachable server, try the refresh again this much later. */
  retryDelayMs?: number;
}

export const SESSION_STORAGE_KEY = 'bianmin.session';
export const ACTIVITY_STORAGE_KEY = 'bianmin.session.activity';
const DEFAULTS = {
  refreshMarginMs: 60_000,
  idleTimeoutMs: 30 * 60_000,
  retryDelayMs: 15_000,
};
/** A token this close to expiry is not worth sending: refresh first. */
const EXPIRY_SKEW_MS = 5_000;
/** Activity is shared with other tabs at most this often. */
const ACTIVITY_WRITE_INTERVAL_MS = 15_000;

type Listener = () => void;

/** The refresh could not reach the server; the request that needed a token fails like a network error. */
export class SessionUnreachableError extends Error {
  constructor() {
    super('The sign-in service cannot be reached right now.');
    this.name = 'SessionUnreachableError';
  }
}

export class SessionManager {
  private state: SessionState = { status: 'signed-out', reason: null };
  private access: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string | null> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastActivity: number;
  private lastActivityWritten = 0;
  private readonly listeners = new Set<Listener>();
  /** Without storage the session still works, for this tab only. */
  private readonly memory = new Map<string, string>();
  private readonly transport: SessionTransport;
  private readonly storage: KeyValueStorage | null;
  private readonly now: () => number;
  private readonly lock: <T>(task: () => Promise<T>) => Promise<T>;
  private readonly refreshMarginMs: number;
  private readonly idleTimeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(options: SessionManagerOptions) {
    this.transport = options.transport;
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
    this.lock = options.lock ?? ((task) => task());
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULTS.refreshMarginMs;
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULTS.retryDelayMs;
    this.lastActivity = this.now();
  }

  // ── state for React (useSyncExternalStore) ─────────────────────────────────────────────────

  /** The same object until something changes. */
  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(next: SessionState): void {
    const prev = this.state;
    const same =
      prev.status === next.status &&
      (prev.status !== 'signed-in' || next.status !== 'signed-in' || prev.accountId === next.accountId) &&
      (prev.status !== 'signed-out' || next.status !== 'signed-out' || prev.reason === next.reason);
    if (same) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }

  // ── life cycle ─────────────────────────────────────────────────────────────────────────────

  /**
   * Pick up a session left by an earlier visit or another tab. A refresh token that has expired, or
   * a device left idle longer than the idle timeout, starts signed out.
   */
  start(): void {
    if (this.state.status !== 'signed-out' || this.state.reason !== null) return;
    const stored = this.readStored();
    if (!stored) return;
    const lastSeen = this.readStoredActivity();
    if (lastSeen !== null && this.now() - lastSeen >= this.idleTimeoutMs) {
      this.clearStored();
      this.setState({ status: 'signed-out', reason: 'idle' });
      return;
    }
    this.restore();
  }

  /** Stop timers (tests; the shell keeps one manager for the life of the page). */
  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.idleTimer);
    this.listeners.clear();
  }

  /** A sign-in (or second-factor step) succeeded. */
  establish(tokens: SessionTokens): void {
    this.lastActivity = this.now();
    this.writeActivity(true);
    this.apply(tokens);
  }

  // ── tokens ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The access token for a request (kit's `GetAccessToken`): from memory while it is fresh, after a
   * refresh when it is about to expire or the gateway `rejected` it. Null when signed out.
   */
  getAccessToken = async (request?: { rejected?: string }): Promise<string | null> => {
    if (this.state.status === 'signed-out') return null;
    if (this.state.status === 'restoring') return this.refresh();
    const access = this.access;
    if (!access) return this.refresh();
    if (request?.rejected !== undefined && request.rejected === access.token) return this.refresh();
    if (access.expiresAt - this.now() <= EXPIRY_SKEW_MS) return this.refresh();
    return access.token;
  };

  /** Refresh now; callers that arrive while a refresh runs share it. */
  refresh(): Promise<string | null> {
    this.inflight ??= this.lock(() => this.refreshOnce()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refreshOnce(again = false): Promise<string | null> {
    // Read inside the lock: another tab may have rotated the token while we waited.
    const stored = this.readStored();
    if (!stored) {
      if (this.state.status !== 'signed-out') this.endLocally('expired');
      return null;
    }
    let outcome: RefreshOutcome;
    try {
      outcome = await this.transport.refresh(stored.refreshToken);
    } catch {
      outcome = { ok: false, reason: 'unreachable' };
    }
    const now = this.readStored();
    if (now?.refreshToken !== stored.refreshToken) {
      // Signed out here or in another tab while we asked: that decision stands.
      if (!now) {
        if (this.state.status !== 'signed-out') this.endLocally('other-tab');
        return null;
      }
      // Another tab refreshed at the same time (no lock available): go on from its token, once.
      if (!again) return this.refreshOnce(true);
    }
    if (outcome.ok) {
      this.apply(outcome.tokens);
      return outcome.tokens.accessToken;
    }
    if (outcome.reason === 'rejected') {
      this.endLocally('expired');
      return null;
    }
    // Unreachable: keep the session, count the resident as signed in, and try again later.
    if (this.state.status === 'restoring')
      this.setState({ status: 'signed-in', accountId: stored.accountId });
    this.access = null;
    this.scheduleRefresh(this.retryDelayMs);
    this.scheduleIdleCheck();
    throw new SessionUnreachableError();
  }

  private apply(tokens: SessionTokens): void {
    this.access = { token: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt };
    this.writeStored({
      accountId: tokens.accountId,
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    });
    const remaining = tokens.accessTokenExpiresAt - this.now();
    this.scheduleRefresh(Math.max(remaining - Math.min(this.refreshMarginMs, remaining / 2), 1_000));
    this.scheduleIdleCheck();
    this.setState({ status: 'signed-in', accountId: tokens.accountId });
  }

  private restore(): void {
    this.access = null;
    this.setState({ status: 'restoring' });
    this.refresh().catch(() => undefined); // unreachable: already signed in and retrying
  }

  private scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refresh().catch(() => undefined);
    }, delayMs);
  }

  // ── signing out ────────────────────────────────────────────────────────────────────────────

  /**
   * Sign out on the server (this session, or `everywhere`), then here. The local sign-out happens
   * even when the server cannot be reached; the promise then rejects so the UI can say so.
   */
  async signOut({
    everywhere = false,
    reason = 'signed-out',
  }: { everywhere?: boolean; reason?: SignedOutReason } = {}): Promise<void> {
    let request: { refreshToken: string; accessToken: string; everywhere: boolean } | null = null;
    try {
      // `signOut` needs a valid access token (refreshed if need be); none means the server already
      // ended the session.
      const accessToken = this.state.status === 'signed-out' ? null : await this.getAccessToken();
      const stored = this.readStored();
      if (accessToken && stored) request = { refreshToken: stored.refreshToken, accessToken, everywhere };
    } finally {
      // Signed out here at once: a slow or unreachable server must not keep the page signed in.
      this.endLocally(reason);
    }
    // Then revoke on the server; a failure is reported to the caller, the tab stays signed out.
    if (request) await this.transport.signOut(request);
  }

  /** The gateway refused our token even after a refresh (kit's `onUnauthenticated`). */
  expire(): void {
    if (this.state.status !== 'signed-out') this.endLocally('expired');
  }

  /** Forget the session in this tab and in storage (which tells the other tabs). */
  private endLocally(reason: SignedOutReason | null): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.idleTimer);
    this.access = null;
    this.clearStored();
    this.setState({ status: 'signed-out', reason });
  }

  // ── idle timeout ───────────────────────────────────────────────────────────────────────────

  /** Input, scrolling or focus in this tab (throttled when shared with the other tabs). */
  noteActivity(): void {
    this.lastActivity = this.now();
    this.writeActivity(false);
  }

  private writeActivity(force: boolean): void {
    if (!force && this.lastActivity - this.lastActivityWritten < ACTIVITY_WRITE_INTERVAL_MS) return;
    this.lastActivityWritten = this.lastActivity;
    this.write(ACTIVITY_STORAGE_KEY, String(this.lastActivity));
  }

  private scheduleIdleCheck(): void {
    clearTimeout(this.idleTimer);
    const latest = Math.max(this.lastActivity, this.readStoredActivity() ?? 0);
    const remaining = latest + this.idleTimeoutMs - this.now();
    if (remaining <= 0) {
      this.signOut({ reason: 'idle' }).catch(() => undefined);
      return;
    }
    this.idleTimer = setTimeout(() => this.scheduleIdleCheck(), remaining);
  }

  // ── other tabs ─────────────────────────────────────────────────────────────────────────────

  /** A `storage` event (it fires in every tab except the one that wrote). */
  handleStorageEvent(event: { key: string | null; newValue: string | null }): void {
    if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
    const stored = this.readStored();
    if (!stored) {
      if (this.state.status !== 'signed-out') this.endLocally('other-tab');
      return;
    }
    if (this.state.status === 'signed-out') {
      this.lastActivity = this.now();
      this.restore(); // signed in elsewhere: get our own access token
    } else if (this.state.status === 'signed-in' && this.state.accountId !== stored.accountId) {
      this.restore(); // someone else signed in elsewhere: never keep acting as the previous account
    }
    // Same account: another tab rotated the refresh token; we use the new one at our next refresh.
  }

  // ── storage ────────────────────────────────────────────────────────────────────────────────

  private readStored(): StoredSession | null {
    const raw = this.read(SESSION_STORAGE_KEY);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<StoredSession>;
      if (
        typeof value.accountId !== 'string' ||
        typeof value.refreshToken !== 'string' ||
        typeof value.refreshTokenExpiresAt !== 'number'
      ) {
        return null;
      }
      if (value.refreshTokenExpiresAt <= this.now()) return null;
      return value as StoredSession;
    } catch {
      return null;
    }
  }

  private readStoredActivity(): number | null {
    const value = Number(this.read(ACTIVITY_STORAGE_KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  }

  private writeStored(session: StoredSession): void {
    this.write(SESSION_STORAGE_KEY, JSON.stringify(session));
  }

  private clearStored(): void {
    this.memory.delete(SESSION_STORAGE_KEY);
    try {
      this.storage?.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // storage unavailable: nothing was kept there either
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? this.memory.get(key) ?? null;
    } catch {
      return this.memory.get(key) ?? null;
    }
  }

  private write(key: string, value: string): void {
    try {
      if (this.storage) {
        this.storage.setItem(key, value);
        return;
      }
    } catch {
      // quota exceeded or storage blocked: fall back to memory
    }
    this.memory.set(key, value);
  }
}
