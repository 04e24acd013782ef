import { randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  privateKeyObject,
  publicKeyMultibase,
  publicKeyObject,
  publicKeyOfSeed,
  rawPublicKey,
  rawSecretKey,
  secretKeyMultibase,
} from './ed25519.js';

/**
 * The issuer's Ed25519 keys, in a JSON file (mode 0600) under DATA_DIR, created on first start.
 * Exactly one key is current and signs; rotation (`npm run keys:rotate`) adds a new current key
 * and retires the old one, which stays published in the DID document so every licence it signed
 * still verifies. Every replica reads the same file (a shared volume or a provisioned secret) and
 * re-reads it when it changes, so a rotation needs no restart.
 */
export interface IssuerKeyFile {
  keys: StoredKey[];
}

export interface StoredKey {
  /** Multikey `z6Mk…`: also the key's fragment in the DID document and its did:key. */
  publicKeyMultibase: string;
  /** Multikey `z3u2…` of the 32-byte seed. Never leaves this file. */
  secretKeyMultibase: string;
  createdAt: string;
  /** Set when a newer key took over; the key still verifies what it signed. */
  retiredAt: string | null;
}

export interface PublishedKey {
  /** `<issuer DID>#z6Mk…`: the `verificationMethod` of the proofs this key made. */
  verificationMethod: string;
  publicKeyMultibase: string;
  /** The same key as a self-certifying `did:key` (for verifiers that cannot fetch did:web). */
  didKey: string;
  createdAt: string;
  retiredAt: string | null;
  current: boolean;
}

export interface SigningKey {
  verificationMethod: string;
  privateKey: KeyObject;
}

export interface IssuerKeyRing {
  /** The issuer's DID (`did:web:…`). */
  readonly did: string;
  /** The key that signs now. */
  signingKey(): SigningKey;
  /** The public key behind one of our verification methods (current or retired), or null. */
  publicKey(verificationMethod: string): KeyObject | null;
  /** Every key, newest first. */
  keys(): PublishedKey[];
  /** The DID document served at `/.well-known/did.json`. */
  didDocument(): Record<string, unknown>;
}

function newKey(now: Date): StoredKey {
  const seed = randomBytes(32);
  return {
    publicKeyMultibase: publicKeyMultibase(publicKeyOfSeed(seed)),
    secretKeyMultibase: secretKeyMultibase(seed),
    createdAt: now.toISOString(),
    retiredAt: null,
  };
}

function writeAtomically(path: string, file: IssuerKeyFile) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

function checkKeyFile(file: IssuerKeyFile, path: string): IssuerKeyFile {
  if (!Array.isArray(file.keys) || file.keys.length === 0) throw new Error(`${path}: no keys`);
  for (const key of file.keys) {
    const seed = rawSecretKey(key.secretKeyMultibase);
    if (!seed) throw new Error(`${path}: a secretKeyMultibase is not an Ed25519 Multikey`);
    if (publicKeyMultibase(publicKeyOfSeed(seed)) !== key.publicKeyMultibase)
      throw new Error(`${path}: key ${key.publicKeyMultibase} does not match its secret`);
  }
  if (file.keys.filter((k) => !k.retiredAt).length !== 1)
    throw new Error(`${path}: exactly one key must be current (not retired)`);
  return file;
}

/** Read the key file, creating it with one key on first use (`wx`: of two racing processes, one creates it). */
export function loadOrCreateIssuerKeyFile(path: string, now = new Date()): IssuerKeyFile {
  try {
    return checkKeyFile(JSON.parse(readFileSync(path, 'utf8')) as IssuerKeyFile, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${JSON.stringify({ keys: [newKey(now)] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return checkKeyFile(JSON.parse(readFileSync(path, 'utf8')) as IssuerKeyFile, path);
}

/** Rotate: a new current key; the old one is retired but stays published. Returns the new file. */
export function rotateIssuerKeyFile(path: string, now = new Date()): IssuerKeyFile {
  const file = loadOrCreateIssuerKeyFile(path, now);
  const rotated: IssuerKeyFile = {
    keys: [...file.keys.map((k) => (k.retiredAt ? k : { ...k, retiredAt: now.toISOString() })), newKey(now)],
  };
  writeAtomically(path, rotated);
  return rotated;
}

/** `<DATA_DIR>/keys/licences-issuer-keys.json`: where the embedded default keeps the issuer's keys. */
export const issuerKeyFilePath = (dataDir: string) =>
  `${dataDir.replace(/\/$/, '')}/keys/licences-issuer-keys.json`;

/**
 * `did:web` for a base URL: the host (port percent-encoded) and any path segments joined by `:`.
 * http://localhost:4004 → did:web:localhost%3A4004; https://gov.example/licences → did:web:gov.example:licences.
 */
export function didWebFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...path].join(':');
}

/** `did:key:z6Mk…` for a Multikey public key. */
export const didKeyOf = (publicKey: string) => `did:key:${publicKey}`;

/** A key ring over key-file contents (tests build one in memory; production reads the file). */
export function keyRingOf(did: string, read: () => IssuerKeyFile): IssuerKeyRing {
  const vmOf = (key: StoredKey) => `${did}#${key.publicKeyMultibase}`;
  const privateKeys = new Map<string, KeyObject>();
  const publicKeys = new Map<string, KeyObject>();
  const ring: IssuerKeyRing = {
    did,
    signingKey() {
      const key = read().keys.find((k) => !k.retiredAt)!;
      let privateKey = privateKeys.get(key.secretKeyMultibase);
      if (!privateKey) {
        privateKey = privateKeyObject(rawSecretKey(key.secretKeyMultibase)!);
        privateKeys.set(key.secretKeyMultibase, privateKey);
      }
      return { verificationMethod: vmOf(key), privateKey };
    },
    publicKey(verificationMethod) {
      const key = read().keys.find((k) => vmOf(k) === verificationMethod);
      if (!key) return null;
      let publicKey = publicKeys.get(key.publicKeyMultibase);
      if (!publicKey) {
        publicKey = publicKeyObject(rawPublicKey(key.publicKeyMultibase)!);
        publicKeys.set(key.publicKeyMultibase, publicKey);
      }
      return publicKey;
    },
    keys() {
      return [...read().keys].reverse().map((k) => ({
        verificationMethod: vmOf(k),
        publicKeyMultibase: k.publicKeyMultibase,
        didKey: didKeyOf(k.publicKeyMultibase),
        createdAt: k.createdAt,
        retiredAt: k.retiredAt,
        current: !k.retiredAt,
      }));
    },
    didDocument() {
      const keys = ring.keys();
      return {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did,
        // Retired keys stay: licences they signed must keep verifying (README, "Keys").
        verificationMethod: keys.map((k) => ({
          id: k.verificationMethod,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: k.publicKeyMultibase,
        })),
        assertionMethod: keys.map((k) => k.verificationMethod),
        alsoKnownAs: keys.map((k) => k.didKey),
      };
    },
  };
  return ring;
}

/** The key ring of a key file, re-read whenever the file changes (rotation without restart). */
export function fileKeyRing(did: string, path: string): IssuerKeyRing {
  let cached: { mtimeMs: number; file: IssuerKeyFile } | null = null;
  loadOrCreateIssuerKeyFile(path);
  return keyRingOf(did, () => {
    const mtimeMs = statSync(path).mtimeMs;
    if (cached?.mtimeMs !== mtimeMs)
      cached = { mtimeMs, file: checkKeyFile(JSON.parse(readFileSync(path, 'utf8')) as IssuerKeyFile, path) };
    return cached.file;
  });
}

/** An in-memory key ring with one fresh key and a `rotate()` (tests). */
export function memoryKeyRing(did: string): IssuerKeyRing & { rotate(now?: Date): void } {
  let file: IssuerKeyFile = { keys: [newKey(new Date())] };
  return Object.assign(
    keyRingOf(did, () => file),
    {
      rotate(now = new Date()) {
        file = {
          keys: [
            ...file.keys.map((k) => (k.retiredAt ? k : { ...k, retiredAt: now.toISOString() })),
            newKey(now),
          ],
        };
      },
    },
  );
}
