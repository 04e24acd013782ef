import type { Locale } from '@bianmin/frontend-kit';

/** Every date and time is shown as the city reads it, whatever the device's time zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(
  cache: Map<Locale, Intl.DateTimeFormat>,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
) {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, ...options });
    cache.set(locale, format);
  }
  return format;
}

function parseInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2026年11月30日 00:30` / `Nov 30, 2026, 00:30`, in China time; '' for a missing or bad value. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  const date = parseInstant(iso);
  if (!date) return iso ?? '';
  return cached(dateTimeFormats, locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** `2026年11月30日` / `Nov 30, 2026`: the China-time calendar day of an instant. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  const date = parseInstant(iso);
  if (!date) return iso ?? '';
  return cached(dateFormats, locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day the server already counted in China time (`Deadline.date`, `2026-12-04`), shown
 * as that same day everywhere: noon UTC of that day is the same day in Beijing.
 */
export function formatCivilDate(day: string, locale: Locale): string {
  const match = CIVIL_DATE.exec(day);
  if (!match) return day;
  const [, y, m, d] = match;
  const noonUtc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
  return cached(dateFormats, locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(noonUtc);
}

/** Whole bytes as people read them: `820 KB`, `2.4 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
