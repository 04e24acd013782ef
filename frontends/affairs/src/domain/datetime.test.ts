import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatDate, formatDateTime, formatFileSize } from './datetime';

describe('dates in China time', () => {
  // 16:30 UTC on the 29th is half past midnight on the 30th in Beijing.
  const lateEvening = '2026-11-29T16:30:00.000Z';

  it('shows instants on the China calendar day and clock', () => {
    expect(formatDateTime(lateEvening, 'zh-CN')).toBe('2026年11月30日 00:30');
    expect(formatDateTime(lateEvening, 'en')).toBe('Nov 30, 2026, 00:30');
    expect(formatDate(lateEvening, 'zh-CN')).toBe('2026年11月30日');
    expect(formatDate(lateEvening, 'en')).toBe('Nov 30, 2026');
  });

  it('keeps a civil date on its own day', () => {
    expect(formatCivilDate('2026-12-04', 'zh-CN')).toBe('2026年12月4日');
    expect(formatCivilDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
  });

  it('passes through what it cannot read instead of showing "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'zh-CN')).toBe('not a date');
    expect(formatDateTime(null, 'zh-CN')).toBe('');
    expect(formatCivilDate('2026/12/04', 'en')).toBe('2026/12/04');
  });
});

describe('formatFileSize', () => {
  it('rounds to a readable unit', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(839_680)).toBe('820 KB');
    expect(formatFileSize(2_516_582)).toBe('2.4 MB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
  });
});
