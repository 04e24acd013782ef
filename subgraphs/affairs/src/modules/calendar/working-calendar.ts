/**
 * The working-day calendar (工作日历) and civil dates in China. Pure: no clock, no database.
 *
 * A civil date is a `YYYY-MM-DD` string read on the wall calendar in Asia/Shanghai. China keeps
 * one fixed offset (UTC+08:00, no daylight saving since 1991), so the conversions below are plain
 * arithmetic and do not depend on the server's time zone or its tz database.
 */

/** A calendar date in China, `YYYY-MM-DD`. */
export type CivilDate = string;

/** What an exception day is: a holiday on a weekday, or an adjusted working weekend day (调休上班). */
export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['HOLIDAY', 'WORKDAY'];

/** One exception to "Monday–Friday work, Saturday and Sunday rest". */
export interface CalendarException {
  date: CivilDate;
  kind: CalendarDayKind;
  /** True for a day that is an estimate, not yet from the State Council's notice (see `isProvisionalNote`). */
  provisional?: boolean;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number (days since 1970-01-01) of a well-formed civil date, or null when the text is
 * not a real calendar date ("2026-02-30", "2026-2-3", " 2026-02-03").
 */
export function dayNumberOf(date: string): number | null {
  const m = CIVIL_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls "02-30" over to March; a real date survives the round trip unchanged.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / DAY_MS;
}

/** True when `date` is a real calendar date written `YYYY-MM-DD`. */
export function isCivilDate(date: string): boolean {
  return dayNumberOf(date) !== null;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilDateOfDayNumber(day: number): CivilDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function mustDayNumber(date: CivilDate): number {
  const day = dayNumberOf(date);
  // A malformed date here is a bug in the caller (input is validated at the edge), not user input.
  if (day === null) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

/** The date on the wall calendar in China at `instant`. */
export function civilDateOf(instant: Date): CivilDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant `date` begins in China: 00:00:00.000 +08:00. */
export function startOfCivilDate(date: CivilDate): Date {
  return new Date(mustDayNumber(date) * DAY_MS - CHINA_OFFSET_MS);
}

/** The last millisecond of `date` in China: 23:59:59.999 +08:00 (a deadline "by the end of the day"). */
export function endOfCivilDate(date: CivilDate): Date {
  return new Date((mustDayNumber(date) + 1) * DAY_MS - CHINA_OFFSET_MS - 1);
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return civilDateOfDayNumber(mustDayNumber(date) + days);
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: CivilDate): number {
  return isoWeekday(mustDayNumber(date));
}

function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: CivilDate): boolean {
  return isoWeekdayOf(date) >= 6;
}

/** The Gregorian year of a civil date. */
export function yearOf(date: CivilDate): number {
  mustDayNumber(date);
  return Number(date.slice(0, 4));
}

/**
 * Seed days whose dates are estimated from the law rather than taken from the State Council's
 * notice carry a note that starts with "provisional"; an administrator who confirms the day writes
 * the notice's number instead, and the year counts as known once none of its days is provisional.
 */
export function isProvisionalNote(note: string | null | undefined): boolean {
  return /^\s*provisional\b/i.test(note ?? '');
}

/**
 * China's working days: Monday–Friday, except the holidays, plus the adjusted working weekend
 * days (调休上班), as listed by the exception days it is built from.
 *
 * `knownYears` are the years whose arrangement the calendar has from an official notice: at least
 * one exception day, none of them provisional. Outside them the calendar still answers (weekends
 * rest, weekdays work), but a holiday or a 调休 may be missing — `covers(from, to)` tells a caller
 * whether its answer may change when an administrator completes the calendar.
 */
export class WorkingCalendar {
  /** Confirmed years, ascending. */
  readonly knownYears: readonly number[];
  /** Years that have exception days of which some are still provisional, ascending. */
  readonly provisionalYears: readonly number[];
  private readonly exceptions: ReadonlyMap<number, CalendarDayKind>;
  private readonly known: ReadonlySet<number>;

  constructor(days: Iterable<CalendarException>) {
    const exceptions = new Map<number, CalendarDayKind>();
    const years = new Map<number, boolean>(); // year → has a provisional day
    for (const day of days) {
      exceptions.set(mustDayNumber(day.date), day.kind);
      const year = Number(day.date.slice(0, 4));
      years.set(year, (years.get(year) ?? false) || day.provisional === true);
    }
    this.exceptions = exceptions;
    const sorted = [...years.entries()].sort(([a], [b]) => a - b);
    this.knownYears = sorted.filter(([, provisional]) => !provisional).map(([year]) => year);
    this.provisionalYears = sorted.filter(([, provisional]) => provisional).map(([year]) => year);
    this.known = new Set(this.knownYears);
  }

  /** Whether `date` is a working day. */
  isWorkingDay(date: CivilDate): boolean {
    return this.works(mustDayNumber(date));
  }

  /**
   * The `n`-th working day strictly after `date`; `n = 0` gives `date` itself (even on a rest day:
   * "the same day" for an item handled on the spot). `n` must be a whole number ≥ 0.
   */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
    let day = mustDayNumber(date);
    for (let left = n; left > 0;) {
      day += 1;
      if (this.works(day)) left -= 1;
    }
    return civilDateOfDayNumber(day);
  }

  /**
   * The number of working days d with a < d ≤ b. When b is before a the count is taken the other
   * way round and negated (−|{d : b < d ≤ a}|), so `workingDaysBetween(deadline, today)` reads as
   * "working days late" and `workingDaysBetween(today, deadline)` as "working days left".
   */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    const from = mustDayNumber(a);
    const to = mustDayNumber(b);
    if (to >= from) return this.countWorking(from, to);
    const late = this.countWorking(to, from);
    return late === 0 ? 0 : -late; // never -0: callers compare and serialise it
  }

  /** Whether the calendar has a confirmed arrangement for the year of `date`. */
  isKnown(date: CivilDate): boolean {
    return this.known.has(yearOf(date));
  }

  /**
   * Whether every year from `from`'s to `to`'s (in either order) is known, i.e. a computation over
   * those dates will not change when the calendar is completed. False means "provisional".
   */
  covers(from: CivilDate, to: CivilDate): boolean {
    const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
    for (let year = a; year <= b; year += 1) if (!this.known.has(year)) return false;
    return true;
  }

  /** Working days d with from < d ≤ to (from ≤ to). */
  private countWorking(from: number, to: number): number {
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (this.works(day)) count += 1;
    return count;
  }

  private works(day: number): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception === 'WORKDAY';
    return isoWeekday(day) <= 5;
  }
}
