import { describe, expect, it } from 'vitest';
import { createServicesI18n } from '../../i18n/i18n';
import { formatDistance, offsetMeters, ringDistances } from './geo';

describe('formatDistance', () => {
  const zh = createServicesI18n('zh-CN').t;
  const en = createServicesI18n('en').t;

  it('rounds metres to tens below a kilometre', () => {
    expect(formatDistance(847, zh)).toBe('850 米');
    expect(formatDistance(7, zh)).toBe('7 米');
    expect(formatDistance(847, en)).toBe('850 m');
  });

  it('shows kilometres with one decimal, dropping .0', () => {
    expect(formatDistance(1234, zh)).toBe('1.2 公里');
    expect(formatDistance(3000, zh)).toBe('3 公里');
    expect(formatDistance(996, zh)).toBe('1 公里');
    expect(formatDistance(12_400, en)).toBe('12 km');
  });
});

describe('offsetMeters', () => {
  it('is about 111 km per degree of latitude and shrinks longitude with cos(latitude)', () => {
    const origin = { latitude: 30, longitude: 120 };
    expect(offsetMeters(origin, { latitude: 31, longitude: 120 }).north).toBeCloseTo(110_574, 0);
    expect(offsetMeters(origin, { latitude: 30, longitude: 121 }).east).toBeCloseTo(
      111_320 * Math.cos(Math.PI / 6),
      0,
    );
  });
});

describe('ringDistances', () => {
  it('uses round steps that end at the radius', () => {
    expect(ringDistances(500)).toEqual([250, 500]);
    expect(ringDistances(3000)).toEqual([1000, 2000, 3000]);
    expect(ringDistances(5000)).toEqual([2500, 5000]);
  });
});
