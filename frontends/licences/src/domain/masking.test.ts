import { describe, expect, it } from 'vitest';
import { lastDigits, maskLicenceNumber } from './masking';

describe('maskLicenceNumber', () => {
  it('keeps the first and last four characters of a long number', () => {
    expect(maskLicenceNumber('GA2022000000004')).toBe('GA20*******0004');
    expect(maskLicenceNumber('MZ2018000000005')).toHaveLength(15);
  });

  it('keeps less of a short number', () => {
    expect(maskLicenceNumber('AB123456')).toBe('AB****56');
    expect(maskLicenceNumber('12345')).toBe('12*45');
    expect(maskLicenceNumber('1234')).toBe('***4');
    expect(maskLicenceNumber('7')).toBe('7');
  });

  it('never shows the middle', () => {
    const masked = maskLicenceNumber('RS2021000000003');
    expect(masked.slice(4, -4)).toMatch(/^\*+$/);
  });

  it('ignores surrounding spaces', () => {
    expect(maskLicenceNumber('  GA2022000000004 ')).toBe('GA20*******0004');
  });
});

describe('lastDigits', () => {
  it('gives the visible end', () => {
    expect(lastDigits('GA2022000000004')).toBe('0004');
    expect(lastDigits('1234')).toBe('4');
  });
});
