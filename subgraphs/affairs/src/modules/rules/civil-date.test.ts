import { describe, expect, it } from 'vitest';
import { ageOn, birthdayIn, chinaDate, formatCivilDate, parseCivilDate } from './civil-date.js';
import { parseRegionCode, regionRelation } from './region-code.js';

const d = (s: string) => parseCivilDate(s)!;

describe('civil dates in China', () => {
  it('takes the date on the Beijing wall clock, not UTC', () => {
    // 16:30 UTC on 1 March is 00:30 on 2 March in Beijing.
    expect(formatCivilDate(chinaDate(new Date('2026-03-01T16:30:00Z'))!)).toBe('2026-03-02');
    expect(formatCivilDate(chinaDate(new Date('2026-03-01T15:59:59Z'))!)).toBe('2026-03-01');
    expect(chinaDate(new Date(Number.NaN))).toBeNull();
  });

  it('parses only real days in strict YYYY-MM-DD', () => {
    expect(parseCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      '2023-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-3-1',
      '20260301',
      '',
      null,
      19580302,
    ]) {
      expect(parseCivilDate(bad), String(bad)).toBeNull();
    }
  });

  it('counts whole years with the birthday itself counting', () => {
    expect(ageOn(d('1966-03-02'), d('2026-03-01'))).toBe(59);
    expect(ageOn(d('1966-03-02'), d('2026-03-02'))).toBe(60);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(formatCivilDate(birthdayIn(d('1964-02-29'), 2025))).toBe('2025-03-01');
    expect(formatCivilDate(birthdayIn(d('1964-02-29'), 2024))).toBe('2024-02-29');
    expect(ageOn(d('1964-02-29'), d('2025-02-28'))).toBe(60);
    expect(ageOn(d('1964-02-29'), d('2025-03-01'))).toBe(61);
    expect(ageOn(d('1964-02-29'), d('2024-02-28'))).toBe(59);
    expect(ageOn(d('1964-02-29'), d('2024-02-29'))).toBe(60);
  });
});

describe('region codes', () => {
  it('reads the level from the length and the trailing zeros of the demo geography', () => {
    expect(parseRegionCode('330000')).toMatchObject({ level: 'PROVINCE', prefix: '33' });
    expect(parseRegionCode('339900')).toMatchObject({ level: 'CITY', prefix: '3399' });
    expect(parseRegionCode('339902')).toMatchObject({ level: 'DISTRICT', prefix: '339902' });
    expect(parseRegionCode('339910')).toMatchObject({ level: 'DISTRICT', prefix: '339910' });
    expect(parseRegionCode('33990201001')).toMatchObject({ level: 'STREET', prefix: '33990201001' });
    expect(parseRegionCode('33990201001001')).toMatchObject({ level: 'COMMUNITY' });
    for (const bad of ['3399', '3399020', '339902010010', '033990', '33990201001001X', '', null, 339900]) {
      expect(parseRegionCode(bad), String(bad)).toBeNull();
    }
  });

  const rel = (region: string, code: string) =>
    regionRelation(parseRegionCode(region)!, parseRegionCode(code)!);

  it('puts every district, street and community of the city inside the city', () => {
    expect(rel('339900', '339902')).toBe('INSIDE');
    expect(rel('339900', '33990201001')).toBe('INSIDE');
    expect(rel('339900', '33990201001001')).toBe('INSIDE');
    expect(rel('339900', '339900')).toBe('INSIDE');
    expect(rel('339900', '33010201001001')).toBe('OUTSIDE');
  });

  it('does not match codes that merely share leading digits at another level', () => {
    // Stripping every trailing zero would make district 339910 the prefix 33991 and take in 339911.
    expect(rel('339910', '33991101001001')).toBe('OUTSIDE');
    expect(rel('339910', '33991001001001')).toBe('INSIDE');
    // Likewise street 33990101010 must not take in street 33990101011 (prefix 3399010101).
    expect(rel('33990101010', '33990101011001')).toBe('OUTSIDE');
    // Community 33990101001010 must not take in its sibling 33990101001011.
    expect(rel('33990101001010', '33990101001011')).toBe('OUTSIDE');
    // A district of the city is not inside another district whose code it starts like.
    expect(rel('339902', '33990301001001')).toBe('OUTSIDE');
  });

  it('cannot place a code that is coarser than the region, unless they do not overlap', () => {
    expect(rel('33990201001', '339902')).toBe('UNDETERMINED');
    expect(rel('339902', '339900')).toBe('UNDETERMINED');
    expect(rel('33990201001', '339903')).toBe('OUTSIDE');
  });
});
