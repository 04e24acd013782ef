/** What `requestMaterialUpload` accepts; the server checks again, by the file's content. */
export const ACCEPTED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

/** For `<input type="file" accept>`. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_CONTENT_TYPES.join(',');
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_MATERIAL = 5;
export const MAX_FILE_NAME_LENGTH = 100;

const BY_EXTENSION: Record<string, AcceptedContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

interface FileLike {
  name: string;
  type: string;
  size: number;
}

/**
 * The content type to declare: the browser's, or from the extension when the browser gives none
 * (some do for PDFs from cloud drives). Null when it is not one we accept.
 */
export function contentTypeOf(file: Pick<FileLike, 'name' | 'type'>): AcceptedContentType | null {
  const declared = file.type.toLowerCase();
  if ((ACCEPTED_CONTENT_TYPES as readonly string[]).includes(declared))
    return declared as AcceptedContentType;
  if (declared) return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

export type FileProblem = 'type' | 'size' | 'empty' | 'tooMany';

/** Why this file cannot be uploaded for a material that already has `existing` files, or null. */
export function checkMaterialFile(file: FileLike, existing: number): FileProblem | null {
  if (existing >= MAX_FILES_PER_MATERIAL) return 'tooMany';
  if (!contentTypeOf(file)) return 'type';
  if (file.size <= 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}

/** The name to send: 1–100 characters, keeping the extension when a long name is shortened. */
export function uploadFileName(name: string): string {
  const trimmed = name.trim() || 'file';
  const chars = [...trimmed];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const extension = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  const keep = MAX_FILE_NAME_LENGTH - [...extension].length - 1;
  return `${chars.slice(0, keep).join('')}…${extension}`;
}
