/**
 * 居民身份证号 (GB 11643-1999) checked in the browser as a convenience, so a typo shows before the
 * form is sent. The identity service checks again and is the authority.
 */

export type IdNumberProblem = 'format' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Spaces removed and a lower-case x made upper-case, as residents often type it. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with an 18-character ID number, or null when it is well formed. */
export function checkIdNumber(value: string, today: Date = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(value);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real =
    birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return 'birth-date';
  if (idNumberCheckChar(id) !== id[17]) return 'check-digit';
  return null;
}
