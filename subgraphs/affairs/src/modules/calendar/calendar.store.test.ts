import { describe, expect, it, vi } from 'vitest';
import { drivers, useAffairsOrm } from '../../../test/db.js';
import { CalendarDay, CalendarSeedDate } from './calendar-day.entity.js';
import {
  listCalendarDays,
  loadWorkingCalendar,
  removeCalendarDay,
  seedCalendar,
  setCalendarDay,
  type CalendarDayInput,
} from './calendar.store.js';
import { CHINA_CALENDAR_SEED } from './holidays-cn.js';

const ADMIN = 'acc-admin';
const OTHER_ADMIN = 'acc-admin-2';
const SEED_SIZE = CHINA_CALENDAR_SEED.length; // 39 days of 2026 + 13 provisional days of 2027

/** The 2027 notice as an administrator would enter it for 除夕. */
const confirmedEve: CalendarDayInput = {
  date: '2027-02-05',
  kind: 'HOLIDAY',
  nameZh: '春节',
  nameEn: 'Spring Festival',
  note: '国务院办公厅关于2027年部分节假日安排的通知',
};

describe.each(drivers)('the working calendar in the database on %s', (driver) => {
  const fx = useAffairsOrm(driver);
  const em = () => fx.orm.em.fork();
  const row = (date: string) => em().findOne(CalendarDay, { date });
  const rowCount = () => em().count(CalendarDay, {});

  it('seeds once even when several instances start together', async () => {
    const results = await Promise.all([seedCalendar(em()), seedCalendar(em()), seedCalendar(em())]);
    expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(SEED_SIZE);
    expect(await rowCount()).toBe(SEED_SIZE);
    expect(await em().count(CalendarSeedDate, {})).toBe(SEED_SIZE);
    expect(await seedCalendar(em())).toEqual({ inserted: 0, updated: 0 });
    expect(await row('2026-02-14')).toMatchObject({
      kind: 'WORKDAY',
      updatedBy: null,
      version: 1,
      updatedAt: expect.any(Date),
    });
  });

  it('loads the calendar, then reuses it with one fingerprint query while nothing changed', async () => {
    const fork = em();
    const execute = vi.spyOn(fork.getConnection(), 'execute');
    const calendar = await loadWorkingCalendar(fork);
    expect(execute.mock.calls.length).toBeLessThanOrEqual(2); // fingerprint, then the rows unless cached
    execute.mockClear();
    expect(await loadWorkingCalendar(fork)).toBe(calendar);
    expect(execute).toHaveBeenCalledTimes(1);
    execute.mockRestore();
    expect(calendar.knownYears).toEqual([2026]);
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('lists the days of a year in order', async () => {
    const days = await listCalendarDays(em(), 2026);
    expect(days).toHaveLength(39);
    expect(days[0]).toMatchObject({ date: '2026-01-01', nameZh: '元旦' });
    expect(days.at(-1)).toMatchObject({ date: '2026-10-10', kind: 'WORKDAY' });
    expect(await listCalendarDays(em(), 2030)).toEqual([]);
  });

  it('lets an administrator confirm a provisional day; the year becomes known when none is left', async () => {
    const saved = await setCalendarDay(em(), confirmedEve, { accountId: ADMIN, expectedVersion: 1 }, 'zh-CN');
    expect(saved).toMatchObject({ ok: true, day: { date: '2027-02-05', version: 2, updatedBy: ADMIN } });
    expect(await row('2027-02-05')).toMatchObject({ note: confirmedEve.note, version: 2, updatedBy: ADMIN });
    expect((await loadWorkingCalendar(em())).knownYears).toEqual([2026]); // other 2027 days still provisional
  });

  it('never lets the seed overwrite an administrator’s edit', async () => {
    expect(await seedCalendar(em())).toEqual({ inserted: 0, updated: 0 });
    expect(await row('2027-02-05')).toMatchObject({ note: confirmedEve.note, version: 2, updatedBy: ADMIN });
  });

  it('updates a day the seed still owns when the seed is corrected, but not an edited one', async () => {
    const corrected = CHINA_CALENDAR_SEED.map((d) =>
      d.date.startsWith('2027-') ? { ...d, note: '国务院办公厅关于2027年部分节假日安排的通知（更正）' } : d,
    );
    const result = await seedCalendar(em(), { days: corrected });
    expect(result).toEqual({ inserted: 0, updated: 12 }); // 13 days of 2027 less the one edited above
    expect(await row('2027-06-09')).toMatchObject({
      version: 2,
      updatedBy: null,
      note: corrected.at(-4)!.note,
    });
    expect(await row('2027-02-05')).toMatchObject({ note: confirmedEve.note, updatedBy: ADMIN });
    expect((await loadWorkingCalendar(em())).knownYears).toEqual([2026, 2027]);
    // Back to the shipped seed for the tests below.
    expect((await seedCalendar(em())).updated).toBe(12);
  });

  it('does not bring back a seed day an administrator removed', async () => {
    const removed = await removeCalendarDay(
      em(),
      '2027-10-03',
      { accountId: ADMIN, expectedVersion: 3 },
      'zh-CN',
    );
    expect(removed).toMatchObject({ ok: true, day: { date: '2027-10-03', kind: 'HOLIDAY' } });
    expect(await row('2027-10-03')).toBeNull();
    await seedCalendar(em());
    expect(await row('2027-10-03')).toBeNull();
    expect((await loadWorkingCalendar(em())).isWorkingDay('2027-10-04')).toBe(true);
  });

  it('adds a new day with expectedVersion null, once', async () => {
    const input: CalendarDayInput = {
      date: '2027-02-20',
      kind: 'WORKDAY',
      nameZh: '春节调休上班',
      nameEn: 'Workday (Spring Festival)',
    };
    const now = new Date('2026-11-29T02:03:04.567Z');
    const added = await setCalendarDay(
      em(),
      input,
      { accountId: ADMIN, expectedVersion: null },
      'zh-CN',
      now,
    );
    expect(added).toMatchObject({
      ok: true,
      day: { date: '2027-02-20', version: 1, note: null, updatedBy: ADMIN },
    });
    expect(await row('2027-02-20')).toMatchObject({ updatedAt: now, updatedBy: ADMIN, version: 1 });
    expect((await loadWorkingCalendar(em())).isWorkingDay('2027-02-20')).toBe(true); // a Saturday
    const again = await setCalendarDay(
      em(),
      { ...input, nameZh: '调休' },
      { accountId: ADMIN, expectedVersion: null },
      'en',
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'expectedVersion' } });
    expect(again.ok ? '' : again.error.message).toMatch(/Someone else changed 2027-02-20/);
    expect(await row('2027-02-20')).toMatchObject({ nameZh: '春节调休上班', version: 1 });
  });

  it('refuses a stale version and a day that does not exist, changing nothing', async () => {
    const stale = await setCalendarDay(
      em(),
      { ...confirmedEve, nameZh: '除夕' },
      { accountId: OTHER_ADMIN, expectedVersion: 1 },
      'zh-CN',
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await row('2027-02-05')).toMatchObject({ nameZh: '春节', version: 2, updatedBy: ADMIN });
    const missing = await setCalendarDay(
      em(),
      { ...confirmedEve, date: '2027-03-03' },
      { accountId: ADMIN, expectedVersion: 1 },
      'zh-CN',
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'date' } });
    expect(await row('2027-03-03')).toBeNull();
  });

  it.each([
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '2026-2-3' }, 'date'],
    [{ date: '2019-12-31' }, 'date'],
    [{ date: '2101-01-01' }, 'date'],
    [{ kind: 'VACATION' }, 'kind'],
    [{ date: '2027-03-03', kind: 'WORKDAY' }, 'kind'], // a Wednesday already works
    [{ nameZh: '' }, 'nameZh'],
    [{ nameZh: '   ' }, 'nameZh'],
    [{ nameZh: '春'.repeat(21) }, 'nameZh'],
    [{ nameZh: '春节\u0007' }, 'nameZh'],
    [{ nameEn: 'x'.repeat(41) }, 'nameEn'],
    [{ nameEn: 'Spring\nFestival' }, 'nameEn'],
    [{ note: 'n'.repeat(201) }, 'note'],
  ])('refuses %j naming the field %s, and changes nothing', async (overrides, field) => {
    const before = await row('2027-02-05');
    const countBefore = await rowCount();
    const r = await setCalendarDay(
      em(),
      { ...confirmedEve, ...overrides } as CalendarDayInput,
      { accountId: ADMIN, expectedVersion: 2 },
      'zh-CN',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', field } });
    expect(await row('2027-02-05')).toEqual(before);
    expect(await rowCount()).toBe(countBefore);
  });

  it('refuses a version that is not a whole number ≥ 1', async () => {
    for (const expectedVersion of [0, -1, 1.5]) {
      const r = await setCalendarDay(em(), confirmedEve, { accountId: ADMIN, expectedVersion }, 'en');
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', field: 'expectedVersion' } });
    }
    expect(await row('2027-02-05')).toMatchObject({ version: 2 });
  });

  it('explains in the caller’s language', async () => {
    const zh = await setCalendarDay(
      em(),
      { ...confirmedEve, date: '2027-03-03', kind: 'WORKDAY' },
      { accountId: ADMIN, expectedVersion: null },
      'zh-CN',
    );
    expect(zh.ok ? '' : zh.error.message).toContain('本来就是工作日');
    const en = await setCalendarDay(
      em(),
      { ...confirmedEve, date: '2027-03-03', kind: 'WORKDAY' },
      { accountId: ADMIN, expectedVersion: null },
      'en',
    );
    expect(en.ok ? '' : en.error.message).toContain('already a working day');
  });

  it('lets exactly one of two concurrent editors win; the row is the winner’s', async () => {
    const edit = (nameZh: string, accountId: string) =>
      setCalendarDay(em(), { ...confirmedEve, nameZh }, { accountId, expectedVersion: 2 }, 'zh-CN');
    const results = await Promise.all([edit('春节（甲）', ADMIN), edit('春节（乙）', OTHER_ADMIN)]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ error: { code: 'CONFLICT' } });
    const winner = winners[0]!;
    if (!winner.ok) throw new Error('unreachable');
    expect(await row('2027-02-05')).toMatchObject({
      nameZh: winner.day.nameZh,
      updatedBy: winner.day.updatedBy,
      version: 3,
    });
  });

  it('lets exactly one of two concurrent editors add the same new day', async () => {
    const add = (nameZh: string) =>
      setCalendarDay(
        em(),
        { date: '2027-09-26', kind: 'WORKDAY', nameZh, nameEn: 'Workday (National Day)' },
        { accountId: ADMIN, expectedVersion: null },
        'zh-CN',
      );
    const results = await Promise.all([add('国庆节调休上班'), add('国庆调休')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
    expect(await em().count(CalendarDay, { date: '2027-09-26' })).toBe(1);
  });

  it('removes a day only with the version the administrator saw', async () => {
    const stale = await removeCalendarDay(
      em(),
      '2027-02-05',
      { accountId: ADMIN, expectedVersion: 2 },
      'zh-CN',
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await row('2027-02-05')).not.toBeNull();
    const missing = await removeCalendarDay(
      em(),
      '2027-03-03',
      { accountId: ADMIN, expectedVersion: 1 },
      'zh-CN',
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await removeCalendarDay(
      em(),
      '2027-02-31',
      { accountId: ADMIN, expectedVersion: 1 },
      'zh-CN',
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', field: 'date' } });
    const badVersion = await removeCalendarDay(
      em(),
      '2027-02-05',
      { accountId: ADMIN, expectedVersion: 0 },
      'zh-CN',
    );
    expect(badVersion).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'expectedVersion' },
    });
    const count = await rowCount();
    const removed = await removeCalendarDay(
      em(),
      '2027-02-05',
      { accountId: ADMIN, expectedVersion: 3 },
      'zh-CN',
    );
    expect(removed).toMatchObject({ ok: true, day: { date: '2027-02-05', version: 3 } });
    expect(await rowCount()).toBe(count - 1);
    expect((await loadWorkingCalendar(em())).isWorkingDay('2027-02-05')).toBe(true); // a Friday again
  });
});
