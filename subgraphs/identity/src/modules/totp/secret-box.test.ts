import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = SecretBox.random();

  it('seals and opens, with a fresh IV each time', () => {
    const a = box.seal('LNUYAJ2Z6SVLB22JVOMQZTC3QWNQXN4C', 'account-1');
    const b = box.seal('LNUYAJ2Z6SVLB22JVOMQZTC3QWNQXN4C', 'account-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('LNUYAJ2Z');
    expect(box.open(a, 'account-1')).toBe('LNUYAJ2Z6SVLB22JVOMQZTC3QWNQXN4C');
  });

  it('does not open on another account, with another key, or when tampered with', () => {
    const sealed = box.seal('secret', 'account-1');
    expect(() => box.open(sealed, 'account-2')).toThrow();
    expect(() => SecretBox.random().open(sealed, 'account-1')).toThrow(/another key/);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => box.open(parts.join('.'), 'account-1')).toThrow();
  });
});
