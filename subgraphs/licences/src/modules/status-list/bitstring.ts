import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeMultibaseBase64url, multibaseBase64url } from '../credential/multibase.js';

/**
 * The W3C Bitstring Status List's bits: index 0 is the left-most (most significant) bit of the
 * first byte; the list is GZIP-compressed and multibase base64url-encoded (`u…`) as `encodedList`.
 * 131,072 entries (16 KiB) is the specification's minimum, for group privacy.
 */
export const STATUS_LIST_SIZE = 131_072;

export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(lengthOrBytes: number | Uint8Array = STATUS_LIST_SIZE) {
    this.bytes =
      typeof lengthOrBytes === 'number' ? new Uint8Array(Math.ceil(lengthOrBytes / 8)) : lengthOrBytes;
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  set(index: number, value: boolean): void {
    this.check(index);
    const mask = 0x80 >> (index % 8);
    const i = Math.floor(index / 8);
    this.bytes[i] = value ? this.bytes[i]! | mask : this.bytes[i]! & ~mask;
  }

  get(index: number): boolean {
    this.check(index);
    return (this.bytes[Math.floor(index / 8)]! & (0x80 >> (index % 8))) !== 0;
  }

  /** GZIP, then multibase base64url (no padding). */
  encode(): string {
    // mtime 0 in the gzip header (Node's default) keeps the output stable for ETags.
    return multibaseBase64url(gzipSync(this.bytes, { level: 9 }));
  }

  /** Null when the text is not a multibase base64url GZIP stream, or decompresses to too much. */
  static decode(encodedList: string, maxBytes = 16 * 1024 * 1024): Bitstring | null {
    const compressed = decodeMultibaseBase64url(encodedList);
    if (!compressed) return null;
    try {
      return new Bitstring(new Uint8Array(gunzipSync(compressed, { maxOutputLength: maxBytes })));
    } catch {
      return null;
    }
  }

  private check(index: number) {
    if (!Number.isInteger(index) || index < 0 || index >= this.length)
      throw new RangeError(`status list index ${index} is outside 0…${this.length - 1}`);
  }
}
