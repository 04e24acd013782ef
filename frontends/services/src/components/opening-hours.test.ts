import { describe, expect, it } from 'vitest';
import { createServicesI18n } from '../i18n/i18n';
import { formatOpeningHours } from './opening-hours';

describe('formatOpeningHours', () => {
  const zh = createServicesI18n('zh-CN').t;
  const en = createServicesI18n('en').t;
  const hours = [
    { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
    { days: [1, 2, 3, 4, 5], opens: '13:30', closes: '17:00' },
    { days: [6], opens: '09:00', closes: '12:00' },
  ];

  it('writes runs of days once and joins sessions on the same days', () => {
    expect(formatOpeningHours(hours, zh)).toBe('周一至周五 08:30–12:00、13:30–17:00；周六 09:00–12:00');
    expect(formatOpeningHours(hours, en)).toBe('Mon–Fri 08:30–12:00, 13:30–17:00; Sat 09:00–12:00');
  });

  it('lists separate days and pairs without a range', () => {
    expect(formatOpeningHours([{ days: [1, 3, 6, 7], opens: '09:00', closes: '11:00' }], zh)).toBe(
      '周一、周三、周六、周日 09:00–11:00',
    );
  });

  it('says so when there are no hours', () => {
    expect(formatOpeningHours([], zh)).toBe('暂无办公时间');
  });
});
