import type { Locale } from '@bianmin/frontend-kit';

/** Every date and time is shown as the city reads it, whatever the device's time zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, kind: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: 'short', day: 'numeric' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
          : {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
            };
    f = new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, ...options });
    formats.set(key, f);
  }
  return f;
}

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026年11月30日 09:30` / `Nov 30, 2026, 09:30`, China time; the input itself when unreadable. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  const date = instant(iso);
  return date ? format(locale, 'dateTime').format(date) : (iso ?? '');
}

/** `09:35:12`, China time. */
export function formatTime(iso: string | null | undefined, locale: Locale): string {
  const date = instant(iso);
  return date ? format(locale, 'time').format(date) : (iso ?? '');
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A civil date the server gives as `YYYY-MM-DD` (颁证日期, 有效期截止), shown as that same day
 * everywhere: noon UTC of the day is the same day in Beijing. Anything else is shown as it is.
 */
export function formatCivilDate(day: string | null | undefined, locale: Locale): string {
  if (!day) return '';
  const match = CIVIL_DATE.exec(day);
  if (!match) return day;
  const noonUtc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return format(locale, 'date').format(noonUtc);
}

/** Today in China as `YYYY-MM-DD`. */
export function chinaToday(now: number): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const match = CIVIL_DATE.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

export function isCivilDate(value: string): boolean {
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The last second of a civil day in China, as ISO 8601: `2027-01-31T23:59:59+08:00`. */
export function endOfChinaDay(day: string): string {
  return `${day}T23:59:59+08:00`;
}
