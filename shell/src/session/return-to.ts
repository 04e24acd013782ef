/** Pages that must never be a `returnTo` (they would send the resident round in a circle). */
const AUTH_PAGES = ['/signin', '/signup'];

/**
 * A `?returnTo=` value made safe to navigate to: a path on this site (never another origin, which
 * would make the sign-in page an open redirect), and not the sign-in or sign-up page itself.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value.slice(0, 2))) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, 'https://bianmin.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'https://bianmin.invalid') return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`)))
    return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/signin?returnTo=…` for the page the resident is on. */
export function signInPath(returnTo: string): string {
  const target = safeReturnTo(returnTo, '');
  return target && target !== '/' ? `/signin?returnTo=${encodeURIComponent(target)}` : '/signin';
}
