import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaToday,
  endOfChinaDay,
  formatCivilDate,
  formatDateTime,
  formatTime,
  isCivilDate,
} from './datetime';

describe('dates in China time', () => {
  it('formats instants in China time whatever the device zone', () => {
    expect(formatDateTime('2026-11-29T16:30:00Z', 'zh-CN')).toBe('2026年11月30日 00:30');
    expect(formatTime('2026-11-29T16:30:05Z', 'en')).toBe('00:30:05');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  it('formats civil dates as the same day', () => {
    expect(formatCivilDate('2028-08-01', 'zh-CN')).toBe('2028年8月1日');
    expect(formatCivilDate('2028-08-01', 'en')).toBe('Aug 1, 2028');
    expect(formatCivilDate(null, 'en')).toBe('');
  });

  it("knows today's date in China", () => {
    expect(chinaToday(Date.parse('2026-11-29T16:30:00Z'))).toBe('2026-11-30');
    expect(chinaToday(Date.parse('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
  });

  it('adds calendar days, across months and leap years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-02-28', 365)).toBe('2028-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('checks civil dates and ends a day in China', () => {
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2028-2-9')).toBe(false);
    expect(endOfChinaDay('2027-01-31')).toBe('2027-01-31T23:59:59+08:00');
  });
});
