import { describe, expect, it } from 'vitest';
import {
  calendarFieldOf,
  calendarYears,
  checkCalendarDay,
  chinaYear,
  emptyDayForm,
  formFromDay,
  isoWeekdayOf,
  sortedDays,
  weekdayName,
  yearFromSearch,
  type CalendarDayForm,
} from './calendar-form';

const dragonBoat: CalendarDayForm = {
  date: '2027-06-09',
  kind: 'HOLIDAY',
  nameZh: ' 端午节 ',
  nameEn: 'Dragon Boat Festival',
  note: '  ',
};

describe('calendar day form', () => {
  it('sends a valid day trimmed, with an empty note as null', () => {
    expect(checkCalendarDay(dragonBoat)).toEqual({
      ok: true,
      input: {
        date: '2027-06-09',
        kind: 'HOLIDAY',
        nameZh: '端午节',
        nameEn: 'Dragon Boat Festival',
        note: null,
      },
    });
  });

  it('names every problem at once, by input', () => {
    expect(checkCalendarDay({ date: '', kind: null, nameZh: '', nameEn: ' ', note: '' })).toEqual({
      ok: false,
      problems: { date: 'required', kind: 'required', nameZh: 'required', nameEn: 'required' },
    });
  });

  it.each([
    ['2027-02-30', 'invalidDate'],
    ['27-06-09', 'invalidDate'],
    ['2019-12-31', 'outOfRange'],
    ['2101-01-01', 'outOfRange'],
  ] as const)('refuses the date %s (%s)', (date, problem) => {
    const result = checkCalendarDay({ ...dragonBoat, date });
    expect(result.ok === false && result.problems.date).toBe(problem);
  });

  it('refuses an adjusted working day on Monday–Friday (they already work)', () => {
    const result = checkCalendarDay({ ...dragonBoat, kind: 'WORKDAY' });
    expect(result.ok === false && result.problems.kind).toBe('weekdayWorkday');
    expect(checkCalendarDay({ ...dragonBoat, date: '2027-06-12', kind: 'WORKDAY' }).ok).toBe(true);
  });

  it('counts characters, not UTF-16 units, and refuses control characters', () => {
    expect(checkCalendarDay({ ...dragonBoat, nameZh: '𠀀'.repeat(20) }).ok).toBe(true);
    const long = checkCalendarDay({
      ...dragonBoat,
      nameZh: '春'.repeat(21),
      nameEn: 'x'.repeat(41),
      note: 'n'.repeat(201),
    });
    expect(long.ok === false && long.problems).toEqual({
      nameZh: 'tooLong',
      nameEn: 'tooLong',
      note: 'tooLong',
    });
    const control = checkCalendarDay({ ...dragonBoat, nameEn: 'Tab\there' });
    expect(control.ok === false && control.problems.nameEn).toBe('control');
  });

  it('refuses adding a date that is already listed, but not editing it', () => {
    const taken = (date: string) => date === '2027-06-09';
    const adding = checkCalendarDay(dragonBoat, { adding: true, taken });
    expect(adding.ok === false && adding.problems.date).toBe('exists');
    expect(checkCalendarDay(dragonBoat, { adding: false, taken }).ok).toBe(true);
  });

  it('starts empty as a holiday and fills in from a day', () => {
    expect(emptyDayForm()).toEqual({ date: '', kind: 'HOLIDAY', nameZh: '', nameEn: '', note: '' });
    expect(
      formFromDay({
        date: '2027-10-01',
        kind: 'HOLIDAY',
        name: 'National Day',
        nameZh: '国庆节',
        nameEn: 'National Day',
        note: null,
        version: 3,
      }),
    ).toEqual({ date: '2027-10-01', kind: 'HOLIDAY', nameZh: '国庆节', nameEn: 'National Day', note: '' });
  });

  it('maps the server field onto an input', () => {
    expect(calendarFieldOf('nameEn')).toBe('nameEn');
    expect(calendarFieldOf('input.date')).toBe('date');
    expect(calendarFieldOf('expectedVersion')).toBeNull();
    expect(calendarFieldOf(null)).toBeNull();
  });
});

describe('calendar dates', () => {
  it('knows the weekday of a civil date', () => {
    expect(isoWeekdayOf('2027-06-09')).toBe(3);
    expect(isoWeekdayOf('2027-06-13')).toBe(7);
    expect(isoWeekdayOf('2028-02-29')).toBe(2);
    expect(isoWeekdayOf('2027-02-29')).toBeNull();
    expect(weekdayName('2027-06-09', 'zh-CN')).toBe('周三');
    expect(weekdayName('2027-06-09', 'en')).toBe('Wed');
    expect(weekdayName('bad', 'en')).toBe('');
  });

  it('takes "this year" from Beijing time', () => {
    // 16:30 UTC on 31 December is already New Year in Beijing.
    expect(chinaYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });

  it('reads the year from the address only when it can be edited', () => {
    expect(yearFromSearch('2027', 2026)).toBe(2027);
    expect(yearFromSearch('2019', 2026)).toBe(2026);
    expect(yearFromSearch('2101', 2026)).toBe(2026);
    expect(yearFromSearch('20x7', 2026)).toBe(2026);
    expect(yearFromSearch(null, 2026)).toBe(2026);
    expect(calendarYears()).toHaveLength(81);
  });

  it('lists days in date order', () => {
    expect(sortedDays([{ date: '2027-10-01' }, { date: '2027-01-01' }]).map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-10-01',
    ]);
  });
});
