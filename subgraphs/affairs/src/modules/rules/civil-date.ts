/**
 * Civil dates (`YYYY-MM-DD`) as the law in China counts them: the date on the wall clock in
 * Beijing time (+08:00, no daylight saving), whatever the server's time zone.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The civil date in China at the instant `now`, or null for an invalid Date. */
export function chinaDate(now: Date): CivilDate | null {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(t)) return null;
  const d = new Date(t + BEIJING_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parse a strict `YYYY-MM-DD` that names a real day (no 2023-02-29), or null. */
export function parseCivilDate(value: unknown): CivilDate | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD`. */
export function formatCivilDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The day in `year` on which someone born on `birth` turns a year older. Someone born on
 * 29 February does so on 1 March in common years: only then has a full year passed.
 */
export function birthdayIn(birth: CivilDate, year: number): CivilDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

/**
 * Age in whole years (周岁) on `on`, the birthday itself counting (年满 60 周岁 from the 60th
 * birthday on, as administrative practice reads it); negative when `on` is before the birth.
 */
export function ageOn(birth: CivilDate, on: CivilDate): number {
  const years = on.year - birth.year;
  return compareCivilDates(on, birthdayIn(birth, on.year)) < 0 ? years - 1 : years;
}
