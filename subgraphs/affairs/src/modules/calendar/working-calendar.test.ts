import { afterEach, describe, expect, it } from 'vitest';
import { seededWorkingCalendar } from './holidays-cn.js';
import {
  addCalendarDays,
  civilDateOf,
  endOfCivilDate,
  isCivilDate,
  isoWeekdayOf,
  isProvisionalNote,
  startOfCivilDate,
  WorkingCalendar,
} from './working-calendar.js';

const calendar = seededWorkingCalendar();

describe('civil dates in China (UTC+08:00)', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('reads the date on the wall in Beijing, whatever the server’s zone', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      expect(civilDateOf(new Date('2026-02-16T15:59:59.999Z'))).toBe('2026-02-16');
      expect(civilDateOf(new Date('2026-02-16T16:00:00.000Z'))).toBe('2026-02-17');
      expect(civilDateOf(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    }
  });

  it('converts a civil date to the first and last instant of that day', () => {
    expect(startOfCivilDate('2026-02-17').toISOString()).toBe('2026-02-16T16:00:00.000Z');
    expect(endOfCivilDate('2026-02-17').toISOString()).toBe('2026-02-17T15:59:59.999Z');
    expect(civilDateOf(startOfCivilDate('2026-03-01'))).toBe('2026-03-01');
    expect(civilDateOf(endOfCivilDate('2026-03-01'))).toBe('2026-03-01');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCivilDate('2026-02-28')).toBe(true);
    expect(isCivilDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-2-3',
      ' 2026-02-03',
      '2026/02/03',
      '',
    ]) {
      expect(isCivilDate(bad), bad).toBe(false);
    }
  });

  it('knows the weekday and moves by calendar days across months and years', () => {
    expect(isoWeekdayOf('2026-02-14')).toBe(6); // Saturday
    expect(isoWeekdayOf('2026-02-16')).toBe(1); // Monday
    expect(isoWeekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses a malformed date or an invalid instant as a bug, not silently', () => {
    expect(() => startOfCivilDate('2026-02-30')).toThrow(RangeError);
    expect(() => civilDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('WorkingCalendar with the 2026 notice', () => {
  it('rests on holidays and works on adjusted weekend days (调休上班)', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before 春节
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, last day of 春节
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday, 元旦调休
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 国庆调休
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 国庆调休
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // an ordinary Monday
  });

  it('counts 248 working days in 2026', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('adds working days strictly after the date; n = 0 is the date itself', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15'); // a holiday stays itself
    expect(calendar.addWorkingDays('2026-09-28', 5)).toBe('2026-10-10'); // over 国庆, onto a 调休 Saturday
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });

  it('counts working days d with a < d ≤ b, negative when b is before a', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2); // 14th (调休) and 24th
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // a weekend
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const n of [0, 1, 3, 10, 40]) {
      const end = calendar.addWorkingDays('2026-09-18', n);
      expect(calendar.workingDaysBetween('2026-09-18', end)).toBe(n);
    }
  });
});

describe('known and provisional years', () => {
  it('knows 2026 from the notice and treats the estimated 2027 as provisional', () => {
    expect(calendar.knownYears).toEqual([2026]);
    expect(calendar.provisionalYears).toEqual([2027]);
    expect(calendar.isKnown('2026-07-01')).toBe(true);
    expect(calendar.isKnown('2027-07-01')).toBe(false);
    expect(calendar.isKnown('2025-07-01')).toBe(false);
  });

  it('tells whether a span of dates stays within known years, in either order', () => {
    expect(calendar.covers('2026-01-01', '2026-12-31')).toBe(true);
    expect(calendar.covers('2026-12-01', '2027-01-05')).toBe(false);
    expect(calendar.covers('2026-12-31', '2025-12-31')).toBe(false);
  });

  it('counts a year as known once none of its days is provisional', () => {
    const confirmed = new WorkingCalendar([
      { date: '2027-01-01', kind: 'HOLIDAY' },
      { date: '2027-02-06', kind: 'HOLIDAY', provisional: false },
    ]);
    expect(confirmed.knownYears).toEqual([2027]);
    const mixed = new WorkingCalendar([
      { date: '2027-01-01', kind: 'HOLIDAY' },
      { date: '2027-02-06', kind: 'HOLIDAY', provisional: true },
    ]);
    expect(mixed.knownYears).toEqual([]);
    expect(mixed.provisionalYears).toEqual([2027]);
  });

  it('still follows the weekday rule outside its known years', () => {
    const empty = new WorkingCalendar([]);
    expect(empty.knownYears).toEqual([]);
    expect(empty.isWorkingDay('2030-01-01')).toBe(true); // a Tuesday: the unknown holiday is not guessed
    expect(empty.addWorkingDays('2030-01-04', 1)).toBe('2030-01-07');
  });

  it('recognises a provisional note by its first word', () => {
    expect(isProvisionalNote('provisional：按法定假日推算')).toBe(true);
    expect(isProvisionalNote('Provisional estimate')).toBe(true);
    expect(isProvisionalNote('国办发明电〔2025〕7号')).toBe(false);
    expect(isProvisionalNote('replaces the provisional day')).toBe(false);
    expect(isProvisionalNote(null)).toBe(false);
  });
});
