import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Bitstring, STATUS_LIST_SIZE } from './bitstring.js';

describe('Bitstring Status List encoding', () => {
  it('has 131,072 entries, all clear, and encodes as multibase base64url GZIP', () => {
    const list = new Bitstring();
    expect(list.length).toBe(STATUS_LIST_SIZE);
    const encoded = list.encode();
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length).toBe(16_384);
    expect(raw.every((b) => b === 0)).toBe(true);
  });

  it('puts index 0 in the left-most bit of the first byte', () => {
    const list = new Bitstring();
    list.set(0, true);
    list.set(9, true);
    list.set(STATUS_LIST_SIZE - 1, true);
    const raw = gunzipSync(Buffer.from(list.encode().slice(1), 'base64url'));
    expect(raw[0]).toBe(0b1000_0000);
    expect(raw[1]).toBe(0b0100_0000);
    expect(raw[raw.length - 1]).toBe(0b0000_0001);
  });

  it('round-trips set bits through the encoding and clears them again', () => {
    const list = new Bitstring();
    const indexes = [1, 7, 8, 1000, 65_537, 131_071];
    for (const i of indexes) list.set(i, true);
    const decoded = Bitstring.decode(list.encode())!;
    for (const i of indexes) expect(decoded.get(i)).toBe(true);
    expect(decoded.get(2)).toBe(false);
    decoded.set(1000, false);
    expect(Bitstring.decode(decoded.encode())!.get(1000)).toBe(false);
  });

  it('refuses indexes outside the list and text that is not an encoded list', () => {
    const list = new Bitstring();
    expect(() => list.get(STATUS_LIST_SIZE)).toThrow(RangeError);
    expect(() => list.set(-1, true)).toThrow(RangeError);
    expect(Bitstring.decode('zABC')).toBeNull();
    expect(Bitstring.decode('u!!')).toBeNull();
    expect(Bitstring.decode(`u${Buffer.from('not gzip').toString('base64url')}`)).toBeNull();
  });
});
