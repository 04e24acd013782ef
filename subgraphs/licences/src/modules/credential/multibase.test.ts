import { describe, expect, it } from 'vitest';
import { base58Decode, base58Encode, decodeMultibaseBase64url, multibaseBase64url } from './multibase.js';

describe('base58btc and base64url multibase', () => {
  it('matches the base58 test vectors of draft-msporny-base58', () => {
    expect(base58Encode(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58Encode(Buffer.from('The quick brown fox jumps over the lazy dog.'))).toBe(
      'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z',
    );
    expect(base58Encode(Uint8Array.of(0, 0, 0x28, 0x7f, 0xb4, 0xcd))).toBe('11233QC4');
  });

  it('round-trips random bytes, leading zeros included', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(Math.floor(Math.random() * 70));
      for (let i = 0; i < bytes.length; i++) bytes[i] = i < n % 4 ? 0 : Math.floor(Math.random() * 256);
      expect(Buffer.from(base58Decode(base58Encode(bytes))!)).toEqual(Buffer.from(bytes));
    }
  });

  it('refuses characters outside the alphabet', () => {
    expect(base58Decode('0OIl')).toBeNull();
  });

  it('base64url multibase has the u prefix and no padding', () => {
    const encoded = multibaseBase64url(Uint8Array.of(0xfb, 0xff));
    expect(encoded).toBe('u-_8');
    expect([...decodeMultibaseBase64url(encoded)!]).toEqual([0xfb, 0xff]);
    expect(decodeMultibaseBase64url('-_8')).toBeNull();
  });
});
