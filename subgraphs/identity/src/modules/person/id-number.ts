import type { Message } from '@bianmin/kit';

/** Identity documents a person may register with; 居民身份证 is the default. */
export const ID_TYPES = [
  'RESIDENT_ID_CARD',
  'PASSPORT',
  'HK_MACAO_PERMIT',
  'TAIWAN_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT',
] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Province-level prefixes of GB/T 2260, plus 81/82/83 (residence permits of HK, Macao and Taiwan residents). */
const PROVINCES = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643). */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'EMPTY' | 'LENGTH' | 'CHARSET' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export type IdNumberCheck =
  { ok: true; idNumber: string; dateOfBirth: string | null } | { ok: false; problem: IdNumberProblem };

/** Upper case, without spaces: `110105 19491231 002x` → `11010519491231002X`. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real date between 1900 and today, else null. */
function birthDate(yyyymmdd: string, today: Date): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!real || y < 1900 || date.getTime() > today.getTime()) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Eighteen characters checked like a 居民身份证号: digits, a birth date, the check character. */
function checkEighteen(id: string, today: Date): IdNumberCheck {
  if (id.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'CHARSET' };
  const dateOfBirth = birthDate(id.slice(6, 14), today);
  if (!dateOfBirth) return { ok: false, problem: 'BIRTH_DATE' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'CHECK_DIGIT' };
  return { ok: true, idNumber: id, dateOfBirth };
}

/**
 * 居民身份证号 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence,
 * MOD 11-2 check character (0–9 or X).
 */
export function validateResidentIdNumber(raw: string, today = new Date()): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (id.length === 0) return { ok: false, problem: 'EMPTY' };
  if (id.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'CHARSET' };
  const province = id.slice(0, 2);
  const countyLevel = id.slice(2, 6) !== '0000' || ['81', '82', '83'].includes(province);
  if (!PROVINCES.has(province) || !countyLevel) return { ok: false, problem: 'REGION' };
  return checkEighteen(id, today);
}

/** Format checks for the other documents (their numbers carry no check digit we can verify). */
const OTHER_FORMATS: Record<
  Exclude<IdType, 'RESIDENT_ID_CARD'>,
  { length: [number, number]; pattern: RegExp }
> = {
  // Passports of any country: 5–17 letters and digits (ICAO 9303 allows up to 9 in the MRZ; some run longer).
  PASSPORT: { length: [5, 17], pattern: /^[A-Z0-9]+$/ },
  // 港澳居民来往内地通行证: H or M and 8 or 10 digits.
  HK_MACAO_PERMIT: { length: [9, 11], pattern: /^[HM](\d{8}|\d{10})$/ },
  // 台湾居民来往大陆通行证: 8 or 10 digits.
  TAIWAN_PERMIT: { length: [8, 10], pattern: /^(\d{8}|\d{10})$/ },
  // 外国人永久居留身份证: 15 characters (3 letters, 12 digits) or, since 2023, 18 starting with 9.
  FOREIGN_PERMANENT_RESIDENT: { length: [15, 18], pattern: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/ },
};

/** Validate and normalise an identity document number; the date of birth when the number holds one. */
export function validateIdNumber(idType: IdType, raw: string, today = new Date()): IdNumberCheck {
  if (idType === 'RESIDENT_ID_CARD') return validateResidentIdNumber(raw, today);
  const id = normalizeIdNumber(raw);
  if (id.length === 0) return { ok: false, problem: 'EMPTY' };
  const format = OTHER_FORMATS[idType];
  if (id.length < format.length[0] || id.length > format.length[1]) return { ok: false, problem: 'LENGTH' };
  if (!format.pattern.test(id)) return { ok: false, problem: 'CHARSET' };
  if (idType === 'FOREIGN_PERMANENT_RESIDENT' && id.length === 18) return checkEighteen(id, today);
  return { ok: true, idNumber: id, dateOfBirth: null };
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, Message> = {
  EMPTY: { zh: '请填写证件号码', en: 'Enter the document number.' },
  LENGTH: {
    zh: '证件号码位数不对（居民身份证号为 18 位）',
    en: 'The document number has the wrong length (a resident ID number has 18 characters).',
  },
  CHARSET: {
    zh: '证件号码含有不允许的字符',
    en: 'The document number contains characters that are not allowed.',
  },
  REGION: {
    zh: '身份证号的前 6 位不是有效的地区代码',
    en: 'The first 6 digits of the ID number are not a valid region code.',
  },
  BIRTH_DATE: {
    zh: '身份证号中的出生日期无效',
    en: 'The date of birth in the ID number is not a valid date.',
  },
  CHECK_DIGIT: {
    zh: '身份证号校验位不正确，请核对后重新输入',
    en: 'The check digit of the ID number is wrong; check the number and try again.',
  },
};
