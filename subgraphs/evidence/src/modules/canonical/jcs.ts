/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for the values evidence entries hold: strings,
 * integers, booleans, null, arrays and plain objects. Numbers other than safe integers are
 * refused rather than serialised: JCS would accept them (as ECMAScript prints them), but a
 * verifier written in another language reproduces integers far more reliably than floats, and
 * nothing in an entry needs a fraction.
 *
 * What JCS fixes, and this follows: no whitespace; object members sorted by the UTF-16 code
 * units of their names; strings escaped exactly as ECMAScript's JSON.stringify escapes them
 * (which RFC 8785 §3.2.2.2 adopts); strings with lone surrogates refused.
 */

export type CanonicalValue =
  null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

/** Entries are small and flat; a deep value is a mistake (or a cycle), not data. */
const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function serialise(value: unknown, path: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError('nested too deeply', path);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new CanonicalJsonError(`only safe integers are allowed, not ${String(value)}`, path);
      }
      // -0 prints as 0, as JCS wants.
      return JSON.stringify(value);
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError('a string has a lone surrogate', path);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => serialise(item, `${path}[${i}]`, depth + 1)).join(',')}]`;
      }
      if (!isPlainObject(value)) throw new CanonicalJsonError('only plain objects are allowed', path);
      // Array.prototype.sort compares UTF-16 code units: exactly JCS's member order.
      const keys = Object.keys(value).sort();
      const members = keys.map((key) => {
        if (LONE_SURROGATE.test(key))
          throw new CanonicalJsonError('a member name has a lone surrogate', path);
        const member = value[key];
        if (member === undefined) throw new CanonicalJsonError('undefined is not JSON', `${path}.${key}`);
        return `${JSON.stringify(key)}:${serialise(member, `${path}.${key}`, depth + 1)}`;
      });
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} is not JSON`, path);
  }
}

/** The RFC 8785 canonical form of `value`; throws CanonicalJsonError for anything outside the subset. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$', 0);
}

/** True when `text` is already the canonical form of the JSON it holds. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
