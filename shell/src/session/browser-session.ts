import { SessionManager, type KeyValueStorage } from './session-manager';
import { createSessionTransport } from './session-transport';

function localStorageOrNull(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('bianmin.session'); // throws when storage is blocked
    return storage;
  } catch {
    return null;
  }
}

/**
 * Cross-tab mutual exclusion for refreshes (Web Locks, in every current browser). Without it two
 * tabs could present the same refresh token at once and the server would revoke the session.
 */
function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  // The lock is held until the task's promise settles, and `request` resolves with its value.
  return locks ? (locks.request('bianmin.session.refresh', task) as unknown as Promise<T>) : task();
}

/** What counts as the resident being there: input, pointer, scrolling, coming back to the tab. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll', 'focus'] as const;

function attachToWindow(manager: SessionManager): void {
  const active = () => manager.noteActivity();
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, active, { passive: true, capture: true });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') active();
  });
  window.addEventListener('storage', (event) => {
    if (event.storageArea === null || event.storageArea === window.localStorage) {
      manager.handleStorageEvent({ key: event.key, newValue: event.newValue });
    }
  });
}

const managers = new Map<string, SessionManager>();

/**
 * The page's one session manager for a gateway, created, started and attached to `window` on first
 * use and kept for the life of the page (React StrictMode's double effects never start a second
 * refresh, which would present a rotated refresh token).
 */
export function browserSessionManager(gatewayUrl: string): SessionManager {
  let manager = managers.get(gatewayUrl);
  if (!manager) {
    manager = new SessionManager({
      transport: createSessionTransport(gatewayUrl),
      storage: localStorageOrNull(),
      lock: webLock,
    });
    managers.set(gatewayUrl, manager);
    attachToWindow(manager);
    manager.start();
  }
  return manager;
}
