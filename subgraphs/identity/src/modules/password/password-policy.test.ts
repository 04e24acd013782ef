import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../db/seeds/demo-accounts.js';
import { checkPassword } from './password-policy.js';

describe('password rules', () => {
  it.each([
    ['Short1!', 'TOO_SHORT'],
    [`Aa1!${'x'.repeat(125)}`, 'TOO_LONG'],
    ['alllowercase123', 'TOO_SIMPLE'],
    ['ALLUPPER12345', 'TOO_SIMPLE'],
    ['NoDigitsOrSymbols', 'TOO_SIMPLE'],
    ['P@ssw0rd2026!', 'COMMON'],
    ['Qwerty@123', 'COMMON'],
    ['1qaz@WSX3edc', 'COMMON'],
    ['Aa123456789', 'COMMON'],
    ['Welcome#2026', 'COMMON'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(checkPassword(password)).toBe(problem);
  });

  it('refuses passwords that contain the phone number or username', () => {
    expect(checkPassword('Xx#13800000009', { phone: '13800000009' })).toBe('CONTAINS_IDENTIFIER');
    expect(checkPassword('My#ZhangSan-2026', { username: 'zhangsan' })).toBe('CONTAINS_IDENTIFIER');
  });

  it('accepts strong passwords, counting characters not bytes', () => {
    expect(
      checkPassword('Yunhu#Resident2026', { phone: '13800000001', username: 'zhangxiaomin' }),
    ).toBeNull();
    expect(checkPassword('湖畔晨跑Route#7')).toBeNull();
    expect(checkPassword('correct horse battery Staple')).toBeNull();
  });

  it('the demo passwords follow the rules', () => {
    for (const demo of DEMO_ACCOUNTS) {
      expect(checkPassword(demo.password, { phone: demo.phone, username: demo.username })).toBeNull();
    }
  });
});
