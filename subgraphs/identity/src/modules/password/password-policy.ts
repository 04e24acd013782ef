import type { Message } from '@bianmin/kit';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE' | 'CONTAINS_IDENTIFIER' | 'COMMON';

/** Passwords that pass the length and character-class rules yet top every leaked-password list. */
const COMMON_PASSWORDS = new Set([
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1qaz!qaz2wsx',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1q2w3e4r!q2w',
  'a1b2c3d4e5',
  'a1b2c3d4e5f6',
  'aa123456789',
  'aa1234567890',
  'abc123456789',
  'abcd1234567',
  'abcd12345678',
  'qwe123456789',
  'qwer1234!@#$',
  'zaq12wsxcde3',
  'woaini1314520',
  'woaini@1314',
]);

/** Words that, with digits or symbols around them, make the passwords attackers try first. */
const COMMON_WORDS = new Set([
  'password',
  'passwd',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'qwertyui',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'admin',
  'administrator',
  'welcome',
  'iloveyou',
  'woaini',
  'letmein',
  'changeme',
  'abc',
  'abcd',
  'abcdef',
  'aa',
  'aaa',
  'test',
  'root',
  'bianmin',
  'yunhu',
  'china',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'superman',
  'hello',
  'default',
]);

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/** `P@ssw0rd2026!` → `password`: strip leading/trailing digits and symbols, undo common substitutions. */
function baseWord(password: string): string {
  const core = password.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z]+$/, '');
  return [...core.toLowerCase()].map((c) => LEET[c] ?? c).join('');
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
}

/**
 * The password rules: 10–128 characters, at least 3 of lower case, upper case, digits and other
 * characters, not containing the phone number or username, not a common password.
 */
export function checkPassword(
  password: string,
  identifiers: { phone?: string | null; username?: string | null } = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (characterClasses(password) < 3) return 'TOO_SIMPLE';
  const lower = password.toLowerCase();
  const own = [identifiers.phone, identifiers.username].filter((v): v is string => !!v && v.length >= 4);
  if (own.some((v) => lower.includes(v.toLowerCase()))) return 'CONTAINS_IDENTIFIER';
  if (COMMON_PASSWORDS.has(lower) || COMMON_WORDS.has(baseWord(password))) return 'COMMON';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, Message> = {
  TOO_SHORT: {
    zh: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  TOO_LONG: {
    zh: `密码最多 ${PASSWORD_MAX_LENGTH} 位`,
    en: `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  TOO_SIMPLE: {
    zh: '密码需包含小写字母、大写字母、数字、符号中的至少三类',
    en: 'The password needs at least three of: lower-case letters, upper-case letters, digits, symbols.',
  },
  CONTAINS_IDENTIFIER: {
    zh: '密码不能包含手机号或用户名',
    en: 'The password must not contain your phone number or username.',
  },
  COMMON: {
    zh: '这个密码太常见，容易被猜到，请换一个',
    en: 'This password is too common and easy to guess; choose another.',
  },
};
