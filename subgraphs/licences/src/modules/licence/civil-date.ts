import type { ValidityRule } from '../licence-type/licence-type.model.js';

/**
 * Civil dates (`YYYY-MM-DD`) in China time (UTC+8, no daylight saving): licences are valid from
 * and until calendar days as printed on them, whatever the server's time zone.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const chinaDate = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export function isCivilDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** `date` plus whole years and months; the 29th of February falls back to the 28th. */
export function addPeriod(date: string, years = 0, months = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + years * 12 + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole years from `birth` to `on`. */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The last valid day of a licence that starts on `validFrom`, or null when it does not expire. */
export function validUntilFor(
  rule: ValidityRule,
  validFrom: string,
  dateOfBirth: string | null,
): string | null {
  switch (rule.kind) {
    case 'NONE':
      return null;
    case 'PERIOD':
      return addPeriod(validFrom, rule.years ?? 0, rule.months ?? 0);
    case 'ID_CARD_BY_AGE': {
      // 居民身份证法 §5: under 16 → 5 years, 16–25 → 10, 26–45 → 20, 46 and over → 长期.
      if (!dateOfBirth) return addPeriod(validFrom, 10);
      const age = ageOn(dateOfBirth, validFrom);
      if (age < 16) return addPeriod(validFrom, 5);
      if (age < 26) return addPeriod(validFrom, 10);
      if (age < 46) return addPeriod(validFrom, 20);
      return null;
    }
  }
}

/** The start of a civil day in China as an XML Schema dateTimeStamp, e.g. `2026-03-01T00:00:00+08:00`. */
export const startOfChinaDay = (date: string) => `${date}T00:00:00+08:00`;
export const endOfChinaDay = (date: string) => `${date}T23:59:59+08:00`;
