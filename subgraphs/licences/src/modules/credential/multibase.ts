/**
 * Multibase encodings used by Data Integrity and the Bitstring Status List: base58btc (`z…`, for
 * proof values and Multikey public keys) and base64url without padding (`u…`, for encoded lists).
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bitcoin's base58 (no multibase prefix). Leading zero bytes become leading '1's. */
export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  // Repeated division of the big-endian number by 58, on base-58 digits kept little-endian.
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

/** Inverse of `base58Encode`; null when a character is not in the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const value = INDEX.get(text[i]!);
    if (value === undefined) return null;
    let carry = value;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  out.set(bytes.reverse(), zeros);
  return out;
}

/** Multibase base58btc: `z` + base58. */
export const multibaseBase58 = (bytes: Uint8Array): string => `z${base58Encode(bytes)}`;

export function decodeMultibaseBase58(text: string): Uint8Array | null {
  return text.startsWith('z') ? base58Decode(text.slice(1)) : null;
}

/** Multibase base64url, no padding: `u` + base64url. */
export const multibaseBase64url = (bytes: Uint8Array): string =>
  `u${Buffer.from(bytes).toString('base64url')}`;

export function decodeMultibaseBase64url(text: string): Buffer | null {
  if (!text.startsWith('u') || !/^[A-Za-z0-9_-]*$/.test(text.slice(1))) return null;
  return Buffer.from(text.slice(1), 'base64url');
}
