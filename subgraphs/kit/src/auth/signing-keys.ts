import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';

/**
 * Ed25519 keys for access tokens: `current` signs, `next` is already published so that rotation
 * (next becomes current, a new next is made) needs no downtime — verifiers have known the new key
 * for a whole rotation period before it signs anything.
 */
export interface KeyFile {
  current: JWK;
  next: JWK;
  /** Keys retired by rotation, still published until tokens they signed have expired. */
  retired?: JWK[];
}

export interface SigningKeys {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  /** Public keys to publish: current, next and recently retired. */
  jwks: JSONWebKeySet;
}

async function newKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'EdDSA', use: 'sig' };
}

const publicOf = ({ d: _d, ...jwk }: JWK): JWK => jwk;

export function publicJwks(file: KeyFile): JSONWebKeySet {
  return { keys: [file.current, file.next, ...(file.retired ?? [])].map(publicOf) };
}

export async function signingKeysFrom(file: KeyFile): Promise<SigningKeys> {
  return {
    kid: file.current.kid!,
    privateKey: await importJWK(file.current, 'EdDSA'),
    jwks: publicJwks(file),
  };
}

function writeAtomically(path: string, data: string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Read the key file, creating it on first use (the embedded default keeps it under DATA_DIR). */
export async function loadOrCreateKeyFile(path: string): Promise<KeyFile> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const file: KeyFile = { current: await newKey(), next: await newKey(), retired: [] };
    writeAtomically(path, JSON.stringify(file, null, 2));
    return file;
  }
}

/** Rotate: next signs from now on, a new next is published, the old current stays verifiable. */
export async function rotateKeyFile(path: string): Promise<KeyFile> {
  const file = await loadOrCreateKeyFile(path);
  const rotated: KeyFile = {
    current: file.next,
    next: await newKey(),
    retired: [file.current, ...(file.retired ?? [])].slice(0, 2),
  };
  writeAtomically(path, JSON.stringify(rotated, null, 2));
  return rotated;
}

/** Where the embedded default keeps the access-token keys: shared by identity and the gateway. */
export function accessTokenKeyFile(dataDir: string): string {
  return `${dataDir.replace(/\/$/, '')}/keys/access-token-keys.json`;
}
