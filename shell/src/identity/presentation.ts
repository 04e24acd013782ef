import type { AccountSummary, UserError } from './operations';

/**
 * What the header shows for the signed-in account, safe on a shared screen: the name with all but
 * the first character hidden (张**), else the username, else the (server-masked) phone.
 */
export function displayNameOf(account: Pick<AccountSummary, 'username' | 'phone' | 'person'>): string {
  const name = account.person?.name.trim();
  if (name) {
    const chars = [...name];
    return chars.length <= 1 || name.includes('*') ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  }
  return account.username ?? account.phone;
}

/** The form field a server error names (`input.idNumber` → `idNumber`), if it is one of `fields`. */
export function formFieldOf<F extends string>(error: UserError, fields: readonly F[]): F | null {
  const last = error.field?.split('.').pop();
  return last && (fields as readonly string[]).includes(last) ? (last as F) : null;
}

/** When a rate-limited sign-in may be tried again, as a clock time in the resident's language. */
export function retryTimeOf(retryAfterSeconds: number, locale: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(now + Math.max(retryAfterSeconds, 0) * 1000),
  );
}

/** A browser's self-description shortened to what a resident recognises: "Chrome · Android". */
export function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /MicroMessenger/i.test(userAgent)
      ? 'WeChat'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /(Chrome|Chromium|CriOS)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /HarmonyOS/.test(userAgent)
            ? 'HarmonyOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : userAgent.slice(0, 60);
}
