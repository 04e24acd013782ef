import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar, normalizeIdNumber } from './id-number';

describe('checkIdNumber', () => {
  it('accepts well-formed numbers, including the X check character', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('330106198503151238')).toBeNull();
    expect(checkIdNumber('440308200002297713')).toBeNull(); // 29 February 2000
    expect(checkIdNumber(' 11010519491231002x ')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkIdNumber('11010519491231002')).toBe('format');
    expect(checkIdNumber('01010519491231002X')).toBe('format');
    expect(checkIdNumber('11010519490231002X')).toBe('birth-date'); // 31 February
    expect(checkIdNumber('110105209901010011', new Date('2026-11-29'))).toBe('birth-date'); // future
    expect(checkIdNumber('110105194912310021')).toBe('check-digit');
  });
});

describe('idNumberCheckChar', () => {
  it('is ISO 7064 MOD 11-2 over the first 17 digits', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('33010619850315123')).toBe('8');
  });
});

describe('normalizeIdNumber', () => {
  it('drops spaces and upper-cases x', () => {
    expect(normalizeIdNumber('1101 0519 4912 3100 2x')).toBe('11010519491231002X');
  });
});
