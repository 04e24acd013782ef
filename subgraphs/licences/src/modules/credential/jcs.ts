/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the bytes eddsa-jcs-2022 signs. Objects have their
 * members sorted by the UTF-16 code units of their names, with no whitespace; strings and numbers
 * are serialised exactly as ECMAScript's JSON.stringify does (RFC 8785 §3.2.2 adopts it).
 * Values that JSON cannot carry (undefined, functions, NaN, Infinity, bigint) are refused rather
 * than dropped, so what is signed is always what a verifier parses.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS: numbers must be finite');
      // Number → string as ECMAScript does (-0 becomes 0).
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v)).join(',')}]`;
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      const names = Object.keys(record).sort();
      const members: string[] = [];
      for (const name of names) {
        if (record[name] === undefined) throw new TypeError(`JCS: "${name}" is undefined`);
        members.push(`${JSON.stringify(name)}:${canonicalize(record[name])}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`JCS: cannot canonicalize a ${typeof value}`);
  }
}

/** The canonical form as UTF-8 bytes. */
export const canonicalBytes = (value: unknown): Buffer => Buffer.from(canonicalize(value), 'utf8');
