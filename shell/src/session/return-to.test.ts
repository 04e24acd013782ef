import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(safeReturnTo('/account')).toBe('/account');
    expect(safeReturnTo('/services/search?q=身份证#x')).toBe(
      '/services/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81#x',
    );
  });

  it('refuses other origins and odd forms of them', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'account',
      '',
      null,
    ]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('never returns to the sign-in or sign-up page', () => {
    expect(safeReturnTo('/signin?returnTo=/account', '/x')).toBe('/x');
    expect(safeReturnTo('/signup')).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries where to come back to', () => {
    expect(signInPath('/account')).toBe('/signin?returnTo=%2Faccount');
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('https://evil.example/')).toBe('/signin');
  });
});
