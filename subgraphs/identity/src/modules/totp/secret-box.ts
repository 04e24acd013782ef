import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals small secrets (TOTP keys) at rest with AES-256-GCM. The account id is bound in as
 * associated data, so a sealed value copied onto another account does not open. The format
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` names the key, ready for rotation.
 */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  }

  static random(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const b64 = (b: Buffer) => b.toString('base64url');
    return ['v1', this.keyId, b64(iv), b64(cipher.getAuthTag()), b64(data)].join('.');
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
    if (keyId !== this.keyId) throw new Error(`sealed with another key (${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /**
   * A keyed one-way digest (HMAC-SHA256 under a key derived from this one for `purpose`), in
   * base64url. Unlike a plain hash it cannot be reversed by trying every possible ID number.
   */
  digest(value: string, purpose: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }
}
