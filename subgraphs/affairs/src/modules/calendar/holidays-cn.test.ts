import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR_SEED, type SeedDay } from './holidays-cn.js';
import { isCivilDate, isoWeekdayOf, isProvisionalNote } from './working-calendar.js';

const ofYear = (year: number) => CHINA_CALENDAR_SEED.filter((d) => d.date.startsWith(`${year}-`));
const dates = (days: readonly SeedDay[], kind: SeedDay['kind']) =>
  days.filter((d) => d.kind === kind).map((d) => d.date);

/** The lunar month and day of a date per ICU (Node's Intl), e.g. "五月5". */
function lunar(date: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  return parts.map((p) => (p.type === 'month' || p.type === 'day' ? p.value : '')).join('');
}

describe('the seed', () => {
  it('lists each date once, in order, as real dates', () => {
    const all = CHINA_CALENDAR_SEED.map((d) => d.date);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    expect(all.every(isCivilDate)).toBe(true);
  });

  it('fits what an administrator may enter (names of 1–20 and 1–40 characters, a note)', () => {
    for (const d of CHINA_CALENDAR_SEED) {
      expect([...d.nameZh].length, d.date).toBeLessThanOrEqual(20);
      expect(d.nameEn.length, d.date).toBeLessThanOrEqual(40);
      expect([...d.note].length, d.date).toBeLessThanOrEqual(200);
    }
  });

  it('puts adjusted workdays only on weekends', () => {
    for (const date of dates(CHINA_CALENDAR_SEED, 'WORKDAY'))
      expect(isoWeekdayOf(date), date).toBeGreaterThanOrEqual(6);
  });
});

describe('2026, from 国办发明电〔2025〕7号', () => {
  const year = ofYear(2026);

  it('has the seven holidays of the notice, 33 days in all', () => {
    const holidays = dates(year, 'HOLIDAY');
    expect(holidays).toHaveLength(33);
    expect(holidays.filter((d) => d.startsWith('2026-02-'))).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(holidays.filter((d) => d.startsWith('2026-10-'))).toHaveLength(7);
  });

  it('has the six adjusted working weekend days', () => {
    expect(dates(year, 'WORKDAY')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('cites the notice and is not provisional', () => {
    expect(year.every((d) => d.note.includes('国办发明电〔2025〕7号') && !isProvisionalNote(d.note))).toBe(
      true,
    );
  });

  it('puts 端午 and 中秋 on their lunar dates', () => {
    expect(lunar('2026-06-19')).toBe('五月5');
    expect(lunar('2026-09-25')).toBe('八月15');
    expect(lunar('2026-02-17')).toBe('正月1');
  });
});

describe('2027, statutory days only, provisional', () => {
  const year = ofYear(2027);

  it('has the 13 statutory days of the 2024 rules and no 调休', () => {
    expect(dates(year, 'HOLIDAY')).toEqual([
      '2027-01-01', // 元旦
      '2027-02-05', // 除夕
      '2027-02-06', // 正月初一
      '2027-02-07',
      '2027-02-08', // 初三
      '2027-04-05', // 清明
      '2027-05-01',
      '2027-05-02', // 劳动节
      '2027-06-09', // 端午
      '2027-09-15', // 中秋
      '2027-10-01',
      '2027-10-02',
      '2027-10-03', // 国庆
    ]);
    expect(dates(year, 'WORKDAY')).toEqual([]);
  });

  it('is marked provisional', () => {
    expect(year.every((d) => isProvisionalNote(d.note))).toBe(true);
  });

  it('puts 端午 and 中秋 on their lunar dates', () => {
    expect(lunar('2027-06-09')).toBe('五月5');
    expect(lunar('2027-09-15')).toBe('八月15');
  });
});
