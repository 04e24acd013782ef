import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
  it('follows the identity service: 10–128 characters, 3 of 4 classes', () => {
    expect(passwordProblem('Ab1!')).toBe('too-short');
    expect(passwordProblem('a'.repeat(129))).toBe('too-long');
    expect(passwordProblem('abcdefghij1')).toBe('too-simple');
    expect(passwordProblem('Yunhu-2026-spring')).toBeNull();
    expect(passwordProblem('便民服务平台abcD12')).toBeNull();
  });
});
