import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError, isCanonicalJson } from './jcs.js';

describe('RFC 8785 canonical JSON (integers only)', () => {
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('escapes strings as RFC 8785 §3.2.2.2 does', () => {
    const value = { string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/' };
    expect(canonicalJson(value)).toBe('{"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('writes literals, arrays and nested objects without whitespace', () => {
    expect(canonicalJson({ literals: [null, true, false], b: { z: 1, a: [] }, a: -0 })).toBe(
      '{"a":0,"b":{"a":[],"z":1},"literals":[null,true,false]}',
    );
    expect(canonicalJson({ 居民: '身份证' })).toBe('{"居民":"身份证"}');
  });

  it.each([
    ['a float', { n: 1.5 }],
    ['an unsafe integer', { n: 2 ** 53 }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined', { u: undefined }],
    ['a Date', { d: new Date(0) }],
    ['a bigint', { b: 1n }],
    ['a lone surrogate', { s: '\ud800x' }],
    ['a lone surrogate in a name', { '\udc00': 1 }],
    ['a function', { f: () => 1 }],
  ])('refuses %s', (_why, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('refuses values nested deeper than an entry ever is (or cyclic)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/nested too deeply/);
  });

  it('recognises text that is already canonical', () => {
    expect(isCanonicalJson('{"a":1,"b":[true]}')).toBe(true);
    expect(isCanonicalJson('{"b":[true],"a":1}')).toBe(false);
    expect(isCanonicalJson('{"a": 1}')).toBe(false);
    expect(isCanonicalJson('{"a":1,"a":1}')).toBe(false);
    expect(isCanonicalJson('{"a":1.5}')).toBe(false);
    expect(isCanonicalJson('not json')).toBe(false);
  });
});
