import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTIVITY_STORAGE_KEY,
  SESSION_STORAGE_KEY,
  SessionManager,
  SessionUnreachableError,
  type KeyValueStorage,
  type RefreshOutcome,
  type SessionManagerOptions,
  type SessionTokens,
  type SessionTransport,
} from './session-manager';

const MINUTE = 60_000;
const ACCESS_TTL = 10 * MINUTE;
const REFRESH_TTL = 7 * 24 * 60 * MINUTE;

/**
 * The identity service's rules for refresh tokens, in memory: each refresh rotates the token, and
 * presenting a token that was already rotated revokes the whole family (as the real server does).
 */
class FakeIdentity implements SessionTransport {
  private serial = 0;
  private current: string | null = null;
  private readonly accountOf = new Map<string, string>();
  readonly refreshes: string[] = [];
  readonly signOuts: { refreshToken: string; accessToken: string | null; everywhere: boolean }[] = [];
  revoked = false;
  /** Set to make the next calls fail like a network error. */
  offline = false;
  /** Delay answers until `release()`: lets several callers pile up on one refresh. */
  private held: (() => void)[] | null = null;

  signIn(accountId = 'acc-1'): SessionTokens {
    this.revoked = false;
    return this.issue(accountId);
  }

  private issue(accountId: string): SessionTokens {
    this.serial += 1;
    this.current = `refresh-${this.serial}`;
    this.accountOf.set(this.current, accountId);
    return {
      accountId,
      accessToken: `access-${this.serial}`,
      accessTokenExpiresAt: Date.now() + ACCESS_TTL,
      refreshToken: this.current,
      refreshTokenExpiresAt: Date.now() + REFRESH_TTL,
    };
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const resume of waiting) resume();
  }

  async refresh(refreshToken: string): Promise<RefreshOutcome> {
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    this.refreshes.push(refreshToken);
    if (this.offline) throw new TypeError('Failed to fetch');
    if (this.revoked || refreshToken !== this.current) {
      this.revoked = true; // reuse of a rotated token: the whole family goes
      return { ok: false, reason: 'rejected' };
    }
    return { ok: true, tokens: this.issue(this.accountOf.get(refreshToken) ?? 'acc-1') };
  }

  async signOut(request: { refreshToken: string; accessToken: string | null; everywhere: boolean }) {
    this.signOuts.push(request);
    if (this.offline) throw new TypeError('Failed to fetch');
    this.revoked = true;
  }
}

/**
 * One localStorage shared by several tabs: a write in one tab fires a `storage` event in the others,
 * after the current task, like a browser does.
 */
class SharedStorage {
  readonly map = new Map<string, string>();
  private readonly tabs: { manager: SessionManager; storage: KeyValueStorage }[] = [];

  tab(): KeyValueStorage {
    const storage: KeyValueStorage = {
      getItem: (key) => this.map.get(key) ?? null,
      setItem: (key, value) => this.change(storage, key, value),
      removeItem: (key) => this.change(storage, key, null),
    };
    return storage;
  }

  attach(manager: SessionManager, storage: KeyValueStorage): void {
    this.tabs.push({ manager, storage });
  }

  private change(from: KeyValueStorage, key: string, value: string | null): void {
    if (value === null) this.map.delete(key);
    else this.map.set(key, value);
    for (const tab of this.tabs) {
      if (tab.storage !== from)
        queueMicrotask(() => tab.manager.handleStorageEvent({ key, newValue: value }));
    }
  }
}

/** `navigator.locks` for the tabs of one fake browser: tasks run one after another. */
function sharedLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

let identity: FakeIdentity;
let shared: SharedStorage;
let lock: ReturnType<typeof sharedLock>;
const managers: SessionManager[] = [];

function openTab(options: Partial<SessionManagerOptions> = {}): SessionManager {
  const storage = shared.tab();
  const manager = new SessionManager({ transport: identity, storage, lock, ...options });
  shared.attach(manager, storage);
  managers.push(manager);
  return manager;
}

/** Let promises and the microtask-delivered storage events settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-29T09:00:00+08:00') });
  identity = new FakeIdentity();
  shared = new SharedStorage();
  lock = sharedLock();
});

afterEach(() => {
  for (const manager of managers.splice(0)) manager.dispose();
  vi.useRealTimers();
});

describe('signing in', () => {
  it('keeps the access token in memory and only the refresh token in storage', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    expect(tab.getState()).toEqual({ status: 'signed-in', accountId: 'acc-1' });
    expect(await tab.getAccessToken()).toBe('access-1');
    const stored = shared.map.get(SESSION_STORAGE_KEY) ?? '';
    expect(JSON.parse(stored)).toEqual({
      accountId: 'acc-1',
      refreshToken: 'refresh-1',
      refreshTokenExpiresAt: Date.now() + REFRESH_TTL,
    });
    expect([...shared.map.values()].join()).not.toContain('access-1');
  });

  it('answers null when nobody is signed in, without calling the server', async () => {
    const tab = openTab();
    expect(await tab.getAccessToken()).toBeNull();
    expect(identity.refreshes).toEqual([]);
  });

  it('notifies subscribers on changes only, with a stable state object in between', () => {
    const tab = openTab();
    const listener = vi.fn();
    tab.subscribe(listener);
    const before = tab.getState();
    expect(tab.getState()).toBe(before);
    tab.establish(identity.signIn());
    expect(listener).toHaveBeenCalledTimes(1);
    tab.establish(identity.signIn());
    expect(listener).toHaveBeenCalledTimes(1); // same account: nothing for React to re-render
  });
});

describe('refreshing', () => {
  it('refreshes shortly before the access token expires', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    await vi.advanceTimersByTimeAsync(ACCESS_TTL - MINUTE - 1);
    expect(identity.refreshes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(identity.refreshes).toEqual(['refresh-1']);
    expect(await tab.getAccessToken()).toBe('access-2');
    // …and keeps doing so for as long as the resident is active.
    tab.noteActivity();
    await vi.advanceTimersByTimeAsync(ACCESS_TTL - MINUTE);
    expect(identity.refreshes).toEqual(['refresh-1', 'refresh-2']);
  });

  it('runs one refresh for many parallel requests whose token was refused', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    identity.hold();
    const tokens = Promise.all(Array.from({ length: 5 }, () => tab.getAccessToken({ rejected: 'access-1' })));
    await settle();
    identity.release();
    expect(await tokens).toEqual(Array(5).fill('access-2'));
    expect(identity.refreshes).toEqual(['refresh-1']);
    // A request that was refused with the old token after the refresh gets the new one, no refresh.
    expect(await tab.getAccessToken({ rejected: 'access-1' })).toBe('access-2');
    expect(identity.refreshes).toHaveLength(1);
  });

  it('refreshes first when the token in memory is about to expire (a laptop waking up)', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    vi.setSystemTime(Date.now() + ACCESS_TTL); // timers did not fire while asleep
    expect(await tab.getAccessToken()).toBe('access-2');
  });

  it('signs out locally when the server refuses the refresh', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    identity.revoked = true; // e.g. signed out everywhere from another device
    expect(await tab.getAccessToken({ rejected: 'access-1' })).toBeNull();
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(shared.map.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(await tab.getAccessToken()).toBeNull();
  });

  it('keeps the session when the server is unreachable and retries later', async () => {
    const tab = openTab({ retryDelayMs: 15_000 });
    tab.establish(identity.signIn());
    identity.offline = true;
    await expect(tab.getAccessToken({ rejected: 'access-1' })).rejects.toBeInstanceOf(
      SessionUnreachableError,
    );
    expect(tab.getState()).toEqual({ status: 'signed-in', accountId: 'acc-1' });
    identity.offline = false;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await tab.getAccessToken()).toBe('access-2');
  });

  it('treats the gateway refusing a refreshed token as the end of the session', () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    tab.expire();
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
    tab.expire();
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
  });
});

describe('starting up', () => {
  it('restores a session from storage with a refresh', async () => {
    openTab().establish(identity.signIn());
    const reloaded = openTab();
    reloaded.start();
    expect(reloaded.getState()).toEqual({ status: 'restoring' });
    expect(await reloaded.getAccessToken()).toBe('access-2');
    expect(reloaded.getState()).toEqual({ status: 'signed-in', accountId: 'acc-1' });
    expect(identity.refreshes).toEqual(['refresh-1']);
  });

  it('starts signed out when the stored refresh token has expired', () => {
    openTab().establish(identity.signIn());
    vi.setSystemTime(Date.now() + REFRESH_TTL + 1);
    const reloaded = openTab();
    reloaded.start();
    expect(reloaded.getState()).toEqual({ status: 'signed-out', reason: null });
    expect(identity.refreshes).toEqual([]);
  });

  it('starts signed out when the device was left idle past the timeout', () => {
    const first = openTab();
    first.establish(identity.signIn());
    first.dispose(); // the browser was closed
    vi.setSystemTime(Date.now() + 31 * MINUTE);
    const reloaded = openTab();
    reloaded.start();
    expect(reloaded.getState()).toEqual({ status: 'signed-out', reason: 'idle' });
    expect(shared.map.has(SESSION_STORAGE_KEY)).toBe(false);
  });
});

describe('idle timeout', () => {
  it('signs out after 30 minutes without activity, on the server too', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'idle' });
    expect(identity.signOuts).toHaveLength(1);
    expect(identity.signOuts[0]).toMatchObject({ everywhere: false });
  });

  it('stays signed in while the resident is active, in this tab or another', async () => {
    const a = openTab();
    const b = openTab();
    a.establish(identity.signIn());
    await settle();
    for (let minute = 0; minute < 60; minute += 10) {
      await vi.advanceTimersByTimeAsync(10 * MINUTE);
      b.noteActivity(); // typing in the other tab
    }
    expect(a.getState().status).toBe('signed-in');
    expect(Number(shared.map.get(ACTIVITY_STORAGE_KEY))).toBe(Date.now());
  });
});

describe('other tabs', () => {
  it('follows a sign-out in another tab', async () => {
    const a = openTab();
    const b = openTab();
    a.establish(identity.signIn());
    await settle();
    expect(b.getState().status).toBe('signed-in');
    await a.signOut();
    await settle();
    expect(b.getState()).toEqual({ status: 'signed-out', reason: 'other-tab' });
    expect(await b.getAccessToken()).toBeNull();
  });

  it('follows a sign-in in another tab with its own access token', async () => {
    const a = openTab();
    const b = openTab();
    a.establish(identity.signIn());
    await settle();
    expect(await b.getAccessToken()).toBe('access-2');
    // b rotated the refresh token; a uses the newest one at its next refresh, so nothing is revoked.
    expect(await a.getAccessToken({ rejected: 'access-1' })).toBe('access-3');
    expect(identity.refreshes).toEqual(['refresh-1', 'refresh-2']);
    expect(identity.revoked).toBe(false);
  });

  it('takes turns when two tabs refresh at once, never presenting a rotated token', async () => {
    const a = openTab();
    const b = openTab();
    a.establish(identity.signIn());
    await settle();
    await b.getAccessToken();
    const both = await Promise.all([
      a.getAccessToken({ rejected: 'access-1' }),
      b.getAccessToken({ rejected: 'access-2' }),
    ]);
    expect(both).toEqual(['access-3', 'access-4']);
    expect(identity.refreshes).toEqual(['refresh-1', 'refresh-2', 'refresh-3']);
    expect(identity.revoked).toBe(false);
  });

  it('drops the previous account when someone else signs in in another tab', async () => {
    const a = openTab();
    const b = openTab();
    a.establish(identity.signIn('acc-1'));
    await settle();
    const seen: string[] = [];
    a.subscribe(() => seen.push(a.getState().status));
    b.establish(identity.signIn('acc-2'));
    await settle();
    expect(seen).toEqual(['restoring', 'signed-in']);
    expect(a.getState()).toEqual({ status: 'signed-in', accountId: 'acc-2' });
    expect(await a.getAccessToken()).toBe('access-4'); // its own token for acc-2, never acc-1's
  });
});

describe('signing out', () => {
  it('signs out everywhere on the server, then here', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    await tab.signOut({ everywhere: true });
    expect(identity.signOuts).toEqual([
      { refreshToken: 'refresh-1', accessToken: 'access-1', everywhere: true },
    ]);
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(shared.map.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('signs out here even when the server cannot be reached, and says so', async () => {
    const tab = openTab();
    tab.establish(identity.signIn());
    identity.offline = true;
    await expect(tab.signOut()).rejects.toThrow();
    expect(tab.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });

  it('works without localStorage, for this tab only', async () => {
    const tab = new SessionManager({ transport: identity, storage: null });
    managers.push(tab);
    tab.establish(identity.signIn());
    expect(await tab.getAccessToken({ rejected: 'access-1' })).toBe('access-2');
  });
});
