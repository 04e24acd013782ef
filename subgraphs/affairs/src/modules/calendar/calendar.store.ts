/**
 * The working-day calendar in the database: load it, seed it, and let administrators edit it.
 *
 * Authorization is the resolver's job: these functions trust that the caller is an administrator
 * (and pass `accountId` only to record who edited). Expected failures come back as data.
 */
import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result } from '@bianmin/kit';
import { CalendarDay, CalendarSeedDate } from './calendar-day.entity.js';
import { CHINA_CALENDAR_SEED, type SeedDay } from './holidays-cn.js';
import {
  CALENDAR_DAY_KINDS,
  dayNumberOf,
  isoWeekdayOf,
  isProvisionalNote,
  WorkingCalendar,
  type CalendarDayKind,
  type CivilDate,
} from './working-calendar.js';

/** The earliest and latest dates an administrator may edit. */
export const CALENDAR_MIN_DATE = '2020-01-01';
export const CALENDAR_MAX_DATE = '2100-12-31';
const NAME_ZH_MAX = 20;
const NAME_EN_MAX = 40;
const NOTE_MAX = 200;

/** Everything an administrator sets on a day. */
export interface CalendarDayInput {
  date: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  note?: string | null;
}

/** Who edits, and the version they saw: null to add a day that is not in the calendar yet. */
export interface CalendarEdit {
  accountId: string;
  expectedVersion: number | null;
}

type Saved = Result<{ day: CalendarDay }> | Failure;

/** The working calendar from every exception day: one query. */
type Fingerprint = string;
const cached = new WeakMap<object, { fingerprint: Fingerprint; calendar: WorkingCalendar }>();

/**
 * The working calendar, from the database. Every deadline needs it, and hydrating several hundred
 * rows through the ORM costs milliseconds per request, so it is kept per database (per ORM
 * driver) and reused while a one-row fingerprint query — row count, highest `updated_at`, sum of
 * versions — still matches. Any edit, by this instance or another, changes the fingerprint
 * (an edit bumps a version and `updated_at`, an addition or removal the count), so the next read
 * after a commit sees it: no stale deadline, no timer.
 */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const [row] = await (em as SqlEntityManager) // both drivers are SQL drivers (kit db/orm.ts)
    .createQueryBuilder(CalendarDay)
    .select([raw('count(*) as n'), raw('max(updated_at) as u'), raw('sum(version) as v')])
    .execute<{ n: unknown; u: unknown; v: unknown }[]>('all', false);
  const fingerprint = `${String(row?.n)}|${String(row?.u instanceof Date ? row.u.toISOString() : row?.u)}|${String(row?.v)}`;
  const key = em.getDriver();
  const hit = cached.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.calendar;
  const days = await em.find(
    CalendarDay,
    {},
    { fields: ['date', 'kind', 'note'], disableIdentityMap: true, orderBy: { date: 'asc' } },
  );
  const calendar = new WorkingCalendar(
    days.map((d) => ({ date: d.date, kind: d.kind, provisional: isProvisionalNote(d.note) })),
  );
  cached.set(key, { fingerprint, calendar });
  return calendar;
}

/** The exception days of one year, in date order (at most 366: a bounded list for the admin page). */
export async function listCalendarDays(em: EntityManager, year: number): Promise<CalendarDay[]> {
  return em.find(
    CalendarDay,
    { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
    { orderBy: { date: 'asc' }, disableIdentityMap: true },
  );
}

function sameContent(row: CalendarDay, seed: SeedDay): boolean {
  return (
    row.kind === seed.kind &&
    row.nameZh === seed.nameZh &&
    row.nameEn === seed.nameEn &&
    row.note === seed.note
  );
}

/**
 * Write the seed days (by default China's 2026 and 2027, holidays-cn.ts). Idempotent and safe
 * when several instances start at once:
 * - a seed date never written before is inserted (unless an administrator already added that date);
 * - a row still owned by the seed (`updatedBy` null) whose content the seed now differs from is
 *   updated, so a corrected seed (e.g. the 2027 notice) reaches databases nobody edited by hand;
 * - a row an administrator edited is never touched, and a seed day an administrator removed is
 *   not put back (the dates already seeded are remembered in `calendar_seed_date`).
 */
export async function seedCalendar(
  em: EntityManager,
  { days = CHINA_CALENDAR_SEED, now = new Date() }: { days?: readonly SeedDay[]; now?: Date } = {},
): Promise<{ inserted: number; updated: number }> {
  const dates = days.map((d) => d.date);
  // One after the other: the caller's EntityManager may be inside a transaction (one connection).
  const rows = await em.find(CalendarDay, { date: { $in: dates } }, { disableIdentityMap: true });
  const seeded = await em.find(CalendarSeedDate, { date: { $in: dates } }, { disableIdentityMap: true });
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const seededDates = new Set(seeded.map((s) => s.date));
  const sql = em as SqlEntityManager; // both drivers are SQL drivers (kit db/orm.ts)
  let inserted = 0;
  let updated = 0;

  const missing = days.filter((d) => !byDate.has(d.date) && !seededDates.has(d.date));
  if (missing.length) {
    // ON CONFLICT DO NOTHING: a racing instance, or an administrator who added the date first, wins.
    const result = await sql
      .createQueryBuilder(CalendarDay)
      .insert(missing.map((d) => ({ ...d, updatedBy: null, updatedAt: now, version: 1 })))
      .onConflict('date')
      .ignore()
      .execute('run');
    inserted = result.affectedRows;
  }
  for (const seed of days) {
    const row = byDate.get(seed.date);
    if (!row || row.updatedBy !== null || sameContent(row, seed)) continue;
    // Conditional on the version and on still being the seed's: an edit in between wins.
    updated += await em.nativeUpdate(
      CalendarDay,
      { date: seed.date, version: row.version, updatedBy: null },
      {
        kind: seed.kind,
        nameZh: seed.nameZh,
        nameEn: seed.nameEn,
        note: seed.note,
        updatedAt: now,
        version: row.version + 1,
      },
    );
  }
  const unmarked = dates.filter((d) => !seededDates.has(d));
  if (unmarked.length) {
    await sql
      .createQueryBuilder(CalendarSeedDate)
      .insert(unmarked.map((date) => ({ date, seededAt: now })))
      .onConflict('date')
      .ignore()
      .execute('run');
  }
  return { inserted, updated };
}

function badInput(locale: Locale, field: string, zh: string, en: string): Failure {
  return fail(ErrorCode.BAD_USER_INPUT, pick(locale, { zh, en }), field);
}

/** A valid date in the editable range, or a failure naming the field. */
function checkDate(date: unknown, locale: Locale): CivilDate | Failure {
  if (typeof date !== 'string' || dayNumberOf(date) === null) {
    return badInput(
      locale,
      'date',
      '日期须为真实存在的日期，格式为 YYYY-MM-DD',
      'The date must be a real calendar date written YYYY-MM-DD.',
    );
  }
  if (date < CALENDAR_MIN_DATE || date > CALENDAR_MAX_DATE) {
    return badInput(
      locale,
      'date',
      `日期须在 ${CALENDAR_MIN_DATE} 至 ${CALENDAR_MAX_DATE} 之间`,
      `The date must be between ${CALENDAR_MIN_DATE} and ${CALENDAR_MAX_DATE}.`,
    );
  }
  return date;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Trimmed text of 1..max characters (max = 0 allows empty) without control characters, or a failure. */
function checkText(
  value: unknown,
  field: string,
  max: number,
  label: { zh: string; en: string },
  locale: Locale,
): string | Failure {
  const text = typeof value === 'string' ? value.trim() : null;
  const length = text === null ? 0 : [...text].length; // characters, not UTF-16 units
  if (text === null || length === 0 || length > max) {
    return badInput(
      locale,
      field,
      `${label.zh}须为 1 至 ${max} 个字符`,
      `${label.en} must be 1 to ${max} characters long.`,
    );
  }
  if (CONTROL.test(text)) {
    return badInput(
      locale,
      field,
      `${label.zh}不能包含控制字符`,
      `${label.en} must not contain control characters.`,
    );
  }
  return text;
}

function checkVersion(version: unknown, locale: Locale): Failure | null {
  if (Number.isInteger(version) && (version as number) >= 1) return null;
  return badInput(
    locale,
    'expectedVersion',
    '版本号须为正整数',
    'expectedVersion must be a whole number ≥ 1.',
  );
}

interface ValidDay {
  date: CivilDate;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  note: string | null;
}

function validate(input: CalendarDayInput, locale: Locale): ValidDay | Failure {
  const date = checkDate(input.date, locale);
  if (typeof date !== 'string') return date;
  if (!CALENDAR_DAY_KINDS.includes(input.kind as CalendarDayKind)) {
    return badInput(
      locale,
      'kind',
      '类型须为 HOLIDAY（放假）或 WORKDAY（调休上班）',
      'kind must be HOLIDAY or WORKDAY.',
    );
  }
  const kind = input.kind as CalendarDayKind;
  // Monday–Friday already work: a WORKDAY there would say nothing (and hide a mistyped date).
  if (kind === 'WORKDAY' && isoWeekdayOf(date) <= 5) {
    return badInput(
      locale,
      'kind',
      `${date} 是周一至周五，本来就是工作日；调休上班只能设在周六或周日`,
      `${date} is a weekday and already a working day; an adjusted workday must be a Saturday or Sunday.`,
    );
  }
  const nameZh = checkText(input.nameZh, 'nameZh', NAME_ZH_MAX, { zh: '中文名称', en: 'nameZh' }, locale);
  if (typeof nameZh !== 'string') return nameZh;
  const nameEn = checkText(input.nameEn, 'nameEn', NAME_EN_MAX, { zh: '英文名称', en: 'nameEn' }, locale);
  if (typeof nameEn !== 'string') return nameEn;
  let note: string | null = null;
  const blank =
    input.note === undefined || input.note === null || (typeof input.note === 'string' && !input.note.trim());
  if (!blank) {
    const checked = checkText(input.note, 'note', NOTE_MAX, { zh: '来源说明', en: 'note' }, locale);
    if (typeof checked !== 'string') return checked;
    note = checked;
  }
  return { date, kind, nameZh, nameEn, note };
}

function conflict(locale: Locale, date: CivilDate): Failure {
  return fail(
    ErrorCode.CONFLICT,
    pick(locale, {
      zh: `${date} 已被他人修改，请刷新后重试`,
      en: `Someone else changed ${date} first. Reload the calendar and try again.`,
    }),
    'expectedVersion',
  );
}

function notFound(locale: Locale, date: CivilDate): Failure {
  return fail(
    ErrorCode.NOT_FOUND,
    pick(locale, {
      zh: `日历中没有 ${date} 这一天的设置`,
      en: `The calendar has no entry for ${date}.`,
    }),
    'date',
  );
}

/**
 * Add (`expectedVersion` null) or change an exception day. The version check is in the INSERT
 * (ON CONFLICT DO NOTHING) or the UPDATE itself, so of two concurrent editors exactly one wins
 * and the other gets CONFLICT. Changing an existing day needs the version the editor saw;
 * NOT_FOUND when the day was removed meanwhile. Nothing is written unless everything is valid.
 */
export async function setCalendarDay(
  em: EntityManager,
  input: CalendarDayInput,
  { accountId, expectedVersion }: CalendarEdit,
  locale: Locale,
  now: Date = new Date(),
): Promise<Saved> {
  const day = validate(input, locale);
  if ('ok' in day) return day;
  if (expectedVersion !== null) {
    const bad = checkVersion(expectedVersion, locale);
    if (bad) return bad;
  }
  const fields = { ...day, updatedBy: accountId, updatedAt: now };

  if (expectedVersion === null) {
    const result = await (em as SqlEntityManager)
      .createQueryBuilder(CalendarDay)
      .insert({ ...fields, version: 1 })
      .onConflict('date')
      .ignore()
      .execute('run');
    if (result.affectedRows !== 1) return conflict(locale, day.date);
    return ok({ day: { ...fields, version: 1 } as CalendarDay });
  }

  const changed = await em.nativeUpdate(
    CalendarDay,
    { date: day.date, version: expectedVersion },
    { ...fields, version: expectedVersion + 1 },
  );
  if (changed === 1) return ok({ day: { ...fields, version: expectedVersion + 1 } as CalendarDay });
  const exists = await em.count(CalendarDay, { date: day.date });
  return exists ? conflict(locale, day.date) : notFound(locale, day.date);
}

/**
 * Remove an exception day, so the date follows the weekday rule again. `expectedVersion` must be
 * the version the administrator saw (CONFLICT otherwise, NOT_FOUND when there is no such day).
 * Returns the day as it was. `accountId` is accepted for the resolver's audit trail; the row
 * itself is gone, and a removed seed day is not re-seeded.
 */
export async function removeCalendarDay(
  em: EntityManager,
  date: string,
  { expectedVersion }: { accountId: string; expectedVersion: number },
  locale: Locale,
): Promise<Saved> {
  const valid = checkDate(date, locale);
  if (typeof valid !== 'string') return valid;
  const bad = checkVersion(expectedVersion, locale);
  if (bad) return bad;
  const current = await em.findOne(CalendarDay, { date: valid }, { disableIdentityMap: true });
  if (!current) return notFound(locale, valid);
  if (current.version !== expectedVersion) return conflict(locale, valid);
  const removed = await em.nativeDelete(CalendarDay, { date: valid, version: expectedVersion });
  if (removed !== 1) return conflict(locale, valid);
  return ok({ day: current });
}
