import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadOrCreateKeyFile, signingKeysFrom, type SigningKeys } from '@bianmin/kit';
import { SecretBox } from './modules/totp/secret-box.js';

/**
 * The access-token signing key from the key file the gateway verifies against, re-read when the
 * file changes: after a rotation the new current key signs at once (the gateway already knows
 * it as `next`), with no restart.
 */
export function signingKeysFromFile(path: string): () => Promise<SigningKeys> {
  let cached: { mtimeMs: number; keys: SigningKeys } | null = null;
  return async () => {
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (cached && cached.mtimeMs === mtimeMs) return cached.keys;
    const keys = await signingKeysFrom(await loadOrCreateKeyFile(path));
    cached = { mtimeMs: statSync(path).mtimeMs, keys };
    return keys;
  };
}

/** `<DATA_DIR>/keys/totp-encryption-key`: where the embedded default keeps the TOTP sealing key. */
export function totpKeyFile(dataDir: string): string {
  return `${dataDir.replace(/\/$/, '')}/keys/totp-encryption-key`;
}

const decodeKey = (text: string, where: string): Buffer => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where}: must be 32 bytes, base64-encoded`);
  return key;
};

/**
 * The key that seals TOTP secrets: TOTP_ENCRYPTION_KEY when set; otherwise a key file under
 * DATA_DIR, created (mode 0600) on first start. Production refuses to invent a key: every
 * replica must share one, so it has to be provided.
 */
export function loadSecretBox(options: { key?: string; dataDir: string; production: boolean }): SecretBox {
  if (options.key) return new SecretBox(decodeKey(options.key, 'TOTP_ENCRYPTION_KEY'));
  const path = totpKeyFile(options.dataDir);
  try {
    return new SecretBox(decodeKey(readFileSync(path, 'utf8'), path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (options.production) {
    throw new Error(`TOTP_ENCRYPTION_KEY is required in production (or provision ${path})`);
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new SecretBox(decodeKey(readFileSync(path, 'utf8'), path));
}
