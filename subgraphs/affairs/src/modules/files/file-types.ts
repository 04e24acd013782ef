/** What may be uploaded: images and PDF, at most 10 MB, at most 5 files per material. */
export const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_MATERIAL = 5;

export const isAllowedType = (type: string): type is AllowedType =>
  (ALLOWED_TYPES as readonly string[]).includes(type);

/**
 * The type the bytes really are, by their magic numbers — never by the name or the declared
 * type, which a client chooses: JPEG FF D8 FF, PNG's 8-byte signature, PDF `%PDF-`.
 */
export function sniffType(bytes: Buffer): AllowedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f/\\]/;

/** A file name as shown to people: 1–100 characters, one line, no path separators. */
export function checkFileName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0 || [...trimmed].length > 100 || BAD_NAME.test(trimmed)) return null;
  return trimmed;
}
