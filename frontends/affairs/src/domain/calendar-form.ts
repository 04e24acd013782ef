import type { Locale } from '@bianmin/frontend-kit';
import type { CalendarDayFields, CalendarDayKind } from '../graphql/types';
import { CHINA_TIME_ZONE } from './datetime';

/**
 * The working-calendar editor's form: what an administrator typed, checked the way the affairs
 * subgraph checks it (`calendar.store.ts`) so most mistakes show before anything is sent. The
 * server still has the last word; its `field` maps back onto these inputs with `calendarFieldOf`.
 */
export const CALENDAR_FIRST_YEAR = 2020;
export const CALENDAR_LAST_YEAR = 2100;
export const NAME_ZH_MAX = 20;
export const NAME_EN_MAX = 40;
export const NOTE_MAX = 200;

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['HOLIDAY', 'WORKDAY'];

export type CalendarField = 'date' | 'kind' | 'nameZh' | 'nameEn' | 'note';
export const CALENDAR_FIELDS: readonly CalendarField[] = ['date', 'kind', 'nameZh', 'nameEn', 'note'];

export type CalendarProblem =
  'required' | 'invalidDate' | 'outOfRange' | 'exists' | 'weekdayWorkday' | 'tooLong' | 'control';

export interface CalendarDayForm {
  date: string;
  kind: CalendarDayKind | null;
  nameZh: string;
  nameEn: string;
  note: string;
}

/** What `setCalendarDay` takes as `input`. */
export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  note: string | null;
}

export type CalendarCheck =
  | { ok: true; input: CalendarDayInput }
  | { ok: false; problems: Partial<Record<CalendarField, CalendarProblem>> };

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** 1 = Monday … 7 = Sunday for a real `YYYY-MM-DD` date; null for anything else. */
export function isoWeekdayOf(date: string): number | null {
  const match = CIVIL_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day)
    return null;
  return ((utc.getUTCDay() + 6) % 7) + 1;
}

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `周一` / `Mon` for a civil date (the same day everywhere); '' for anything else. */
export function weekdayName(date: string, locale: Locale): string {
  if (isoWeekdayOf(date) === null) return '';
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    weekdayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

/** The year it is in Beijing now: "this year" for the year picker, whatever the device's zone. */
export function chinaYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: CHINA_TIME_ZONE, year: 'numeric' }).format(now));
}

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;
}

/** `?year=2027` when it names an editable year, else the fallback. */
export function yearFromSearch(value: string | null, fallback: number): number {
  if (!value || !/^\d{4}$/.test(value)) return fallback;
  const year = Number(value);
  return isCalendarYear(year) ? year : fallback;
}

/** Every editable year, for the picker. */
export function calendarYears(): number[] {
  return Array.from(
    { length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 },
    (_, i) => CALENDAR_FIRST_YEAR + i,
  );
}

export function emptyDayForm(): CalendarDayForm {
  return { date: '', kind: 'HOLIDAY', nameZh: '', nameEn: '', note: '' };
}

export function formFromDay(day: CalendarDayFields): CalendarDayForm {
  return { date: day.date, kind: day.kind, nameZh: day.nameZh, nameEn: day.nameEn, note: day.note ?? '' };
}

function textProblem(value: string, max: number, required: boolean): CalendarProblem | null {
  const text = value.trim();
  if (!text) return required ? 'required' : null;
  if ([...text].length > max) return 'tooLong';
  if (CONTROL.test(text)) return 'control';
  return null;
}

/**
 * Check a day before sending it. `taken` says whether a date already has an entry: adding a day
 * that exists is refused here (edit that day instead) rather than by a CONFLICT from the server.
 */
export function checkCalendarDay(
  form: CalendarDayForm,
  options: { adding: boolean; taken?: (date: string) => boolean } = { adding: true },
): CalendarCheck {
  const problems: Partial<Record<CalendarField, CalendarProblem>> = {};
  const date = form.date.trim();
  const weekday = isoWeekdayOf(date);
  if (!date) problems.date = 'required';
  else if (weekday === null) problems.date = 'invalidDate';
  else if (!isCalendarYear(Number(date.slice(0, 4)))) problems.date = 'outOfRange';
  else if (options.adding && options.taken?.(date)) problems.date = 'exists';

  if (!form.kind) problems.kind = 'required';
  // Monday–Friday already work: a WORKDAY there says nothing (and hides a mistyped date).
  else if (form.kind === 'WORKDAY' && weekday !== null && weekday <= 5) problems.kind = 'weekdayWorkday';

  const nameZh = textProblem(form.nameZh, NAME_ZH_MAX, true);
  if (nameZh) problems.nameZh = nameZh;
  const nameEn = textProblem(form.nameEn, NAME_EN_MAX, true);
  if (nameEn) problems.nameEn = nameEn;
  const note = textProblem(form.note, NOTE_MAX, false);
  if (note) problems.note = note;

  if (Object.keys(problems).length > 0 || !form.kind) return { ok: false, problems };
  return {
    ok: true,
    input: {
      date,
      kind: form.kind,
      nameZh: form.nameZh.trim(),
      nameEn: form.nameEn.trim(),
      note: form.note.trim() || null,
    },
  };
}

/** The input a server refusal is about (`field` as setCalendarDay names it), or null. */
export function calendarFieldOf(field: string | null | undefined): CalendarField | null {
  const name = (field ?? '').replace(/^input\./, '');
  return (CALENDAR_FIELDS as readonly string[]).includes(name) ? (name as CalendarField) : null;
}

/** Days in date order (the server sends them so; a fresh edit must not reorder the table). */
export function sortedDays<T extends { date: string }>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
