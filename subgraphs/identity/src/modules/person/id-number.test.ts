import { describe, expect, it } from 'vitest';
import { checkCharacter, validateIdNumber, validateResidentIdNumber } from './id-number.js';
import { DEMO_ACCOUNTS } from '../../db/seeds/demo-accounts.js';

describe('居民身份证号 validation', () => {
  it('accepts valid numbers, including the X check character in either case', () => {
    expect(validateResidentIdNumber('11010519491231002X')).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      dateOfBirth: '1949-12-31',
    });
    expect(validateResidentIdNumber(' 110105 19491231 002x ')).toMatchObject({ ok: true });
    expect(validateResidentIdNumber('440304199001012340')).toMatchObject({
      ok: true,
      dateOfBirth: '1990-01-01',
    });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44030419900101234')).toBe('0');
  });

  it('refuses a wrong check digit', () => {
    expect(validateResidentIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'CHECK_DIGIT' });
    expect(validateResidentIdNumber('440304199001012341')).toEqual({ ok: false, problem: 'CHECK_DIGIT' });
  });

  it('refuses impossible or future birth dates', () => {
    const withCheck = (first17: string) => first17 + checkCharacter(first17);
    expect(validateResidentIdNumber(withCheck('11010519900230123'))).toEqual({
      ok: false,
      problem: 'BIRTH_DATE',
    });
    expect(validateResidentIdNumber(withCheck('11010518991231123'))).toMatchObject({ problem: 'BIRTH_DATE' });
    expect(validateResidentIdNumber(withCheck('11010520300101123'), new Date('2026-01-01'))).toMatchObject({
      problem: 'BIRTH_DATE',
    });
  });

  it('refuses bad lengths, characters and region codes', () => {
    expect(validateResidentIdNumber('')).toMatchObject({ problem: 'EMPTY' });
    expect(validateResidentIdNumber('11010519491231002')).toMatchObject({ problem: 'LENGTH' });
    expect(validateResidentIdNumber('1101051949123100AX')).toMatchObject({ problem: 'CHARSET' });
    const first17 = '99010519491231002';
    expect(validateResidentIdNumber(first17 + checkCharacter(first17))).toMatchObject({ problem: 'REGION' });
  });

  it('checks the other document types by length and characters', () => {
    expect(validateIdNumber('PASSPORT', 'e12345678')).toEqual({
      ok: true,
      idNumber: 'E12345678',
      dateOfBirth: null,
    });
    expect(validateIdNumber('PASSPORT', 'E1234')).toMatchObject({ ok: true });
    expect(validateIdNumber('PASSPORT', 'E12')).toMatchObject({ problem: 'LENGTH' });
    expect(validateIdNumber('PASSPORT', 'E1234-678')).toMatchObject({ problem: 'CHARSET' });
    expect(validateIdNumber('HK_MACAO_PERMIT', 'H12345678')).toMatchObject({ ok: true });
    expect(validateIdNumber('HK_MACAO_PERMIT', 'X12345678')).toMatchObject({ problem: 'CHARSET' });
    expect(validateIdNumber('TAIWAN_PERMIT', '12345678')).toMatchObject({ ok: true });
    expect(validateIdNumber('TAIWAN_PERMIT', '1234567A')).toMatchObject({ problem: 'CHARSET' });
    expect(validateIdNumber('FOREIGN_PERMANENT_RESIDENT', 'USA330000010112')).toMatchObject({ ok: true });
    const fpr = '93384019900101001';
    expect(validateIdNumber('FOREIGN_PERMANENT_RESIDENT', fpr + checkCharacter(fpr))).toMatchObject({
      ok: true,
      dateOfBirth: '1990-01-01',
    });
  });

  it('the demo people have valid synthetic numbers', () => {
    for (const demo of DEMO_ACCOUNTS) expect(validateResidentIdNumber(demo.person.idNumber).ok).toBe(true);
  });
});
