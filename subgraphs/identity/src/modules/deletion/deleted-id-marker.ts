import type { SecretBox } from '../totp/secret-box.js';

/**
 * What an anonymised person's `idNumber` becomes: `D.<key id>.<21 characters of a keyed digest>`
 * (32 characters, the column's width). The ID number itself is gone and cannot be recovered from
 * the marker, but signing up again with the same document computes the same marker and is
 * refused: someone who had an account deleted cannot re-register under that document, and nobody
 * else can take it over, while the records the law requires us to keep (access audit, consents)
 * still point at this person. After the retention period the marker can be cleared.
 */
export function deletedIdMarker(box: SecretBox, idType: string, idNumber: string): string {
  return `D.${box.keyId}.${box.digest(`${idType}:${idNumber}`, 'bianmin-deleted-id-v1').slice(0, 21)}`;
}
