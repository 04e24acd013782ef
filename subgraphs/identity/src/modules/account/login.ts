/** Mainland mobile numbers: 11 digits, 13x–19x. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** Usernames start with a letter, so they can never be mistaken for a phone number. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{3,31}$/;

/** `+86 138-0000-0001` → `13800000001`; null when it is not a mainland mobile number. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)(?=1\d{10}$)/, '');
  return PHONE_PATTERN.test(digits) ? digits : null;
}

export function normalizeUsername(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  return USERNAME_PATTERN.test(name) ? name : null;
}

/** What the person typed in the login box: a phone number or a username. */
export type Login = { phone: string; username?: never } | { username: string; phone?: never };

export function parseLogin(raw: string): Login | null {
  if (raw.length > 64) return null;
  const phone = normalizePhone(raw);
  if (phone) return { phone };
  const username = normalizeUsername(raw);
  return username ? { username } : null;
}
