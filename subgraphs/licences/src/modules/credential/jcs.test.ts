import { describe, expect, it } from 'vitest';
import { canonicalize } from './jcs.js';

describe('RFC 8785 JSON canonicalization', () => {
  it('sorts members by UTF-16 code units and drops whitespace (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = [...canonicalize(input).matchAll(/"([^"]*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('serialises numbers and strings as ECMAScript does (RFC 8785 §3.2.2 examples)', () => {
    const input = {
      // Parsed from text as the RFC writes them (a literal would already be rounded by the compiler).
      numbers: ['333333333.33333329', '1E30', '4.50', '2e-3', '0.000000000000000000000000001', '-0'].map(
        Number,
      ),
      string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27,0],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('keeps Chinese text as UTF-8, unescaped, and array order as given', () => {
    expect(canonicalize({ b: ['乙', '甲'], a: { 名称: '居民身份证' } })).toBe(
      '{"a":{"名称":"居民身份证"},"b":["乙","甲"]}',
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalize({ a: undefined })).toThrow();
    expect(() => canonicalize([Number.NaN])).toThrow();
    expect(() => canonicalize({ a: Infinity })).toThrow();
    expect(() => canonicalize(1n)).toThrow();
  });
});
