import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  noteSigner,
  parseVerifierKey,
  rawPublicKey,
  verifierFromPublicKey,
  type NoteSigner,
  type NoteVerifier,
} from '../note/signed-note.js';

/**
 * The log's Ed25519 signing key. Embedded default: a JSON file under DATA_DIR, made on first
 * start; production: `EVIDENCE_SIGNING_KEY` (PKCS#8, PEM or base64 DER) from a secret store.
 * Retired keys are kept as verifier keys for ever: every checkpoint they signed must stay checkable.
 */
export interface LogKeyFile {
  version: 1;
  current: { privateKeyPkcs8: string; createdAt: string };
  /** Verifier keys of retired signing keys, newest first. */
  previous: Array<{ verifierKey: string; retiredAt: string }>;
}

export interface LogKeys {
  origin: string;
  signer: NoteSigner;
  current: NoteVerifier;
  previous: NoteVerifier[];
  /** Current first: what the log checks its own stored checkpoints against. */
  verifiers: NoteVerifier[];
}

export function logKeyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'evidence-log-key.json');
}

function newKeyMaterial(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** Write `data` at `path` only if nothing is there yet: of two instances starting at once, one key wins. */
function createExclusively(path: string, data: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function loadOrCreateLogKeyFile(path: string, now = new Date()): LogKeyFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LogKeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const file: LogKeyFile = {
    version: 1,
    current: { privateKeyPkcs8: newKeyMaterial(), createdAt: now.toISOString() },
    previous: [],
  };
  createExclusively(path, JSON.stringify(file, null, 2));
  return JSON.parse(readFileSync(path, 'utf8')) as LogKeyFile;
}

/**
 * Retire the current key (kept as a verifier key under `origin`) and make a new one. Running
 * instances keep signing with the old key until they restart.
 */
export function rotateLogKeyFile(path: string, origin: string, now = new Date()): LogKeyFile {
  const file = loadOrCreateLogKeyFile(path, now);
  const old = privateKeyFromText(file.current.privateKeyPkcs8);
  const rotated: LogKeyFile = {
    version: 1,
    current: { privateKeyPkcs8: newKeyMaterial(), createdAt: now.toISOString() },
    previous: [
      { verifierKey: verifierFromPublicKey(origin, rawPublicKey(old)).vkey, retiredAt: now.toISOString() },
      ...file.previous,
    ],
  };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(rotated, null, 2), { mode: 0o600 });
  renameSync(tmp, path);
  return rotated;
}

/** An Ed25519 private key from PKCS#8: PEM text, or base64 of the DER. */
export function privateKeyFromText(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey({ key: trimmed, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the evidence signing key must be an Ed25519 key');
  return key;
}

export function logKeysFrom(
  origin: string,
  privateKey: KeyObject,
  previousVerifierKeys: readonly string[] = [],
): LogKeys {
  const signer = noteSigner(origin, privateKey);
  const current = verifierFromPublicKey(origin, rawPublicKey(privateKey));
  const previous = [...new Set(previousVerifierKeys)]
    .map((vkey) => parseVerifierKey(vkey))
    .filter((v) => v.vkey !== current.vkey);
  return { origin, signer, current, previous, verifiers: [current, ...previous] };
}

export interface LoadLogKeysOptions {
  origin: string;
  dataDir: string;
  /** EVIDENCE_SIGNING_KEY: when set, no key file is read or written. */
  signingKey?: string | undefined;
  /** EVIDENCE_PREVIOUS_VERIFIER_KEYS: retired keys to keep publishing (with an env key). */
  previousVerifierKeys?: readonly string[];
}

export function loadLogKeys(options: LoadLogKeysOptions): LogKeys {
  if (options.signingKey) {
    return logKeysFrom(options.origin, privateKeyFromText(options.signingKey), options.previousVerifierKeys);
  }
  const file = loadOrCreateLogKeyFile(logKeyFilePath(options.dataDir));
  return logKeysFrom(options.origin, privateKeyFromText(file.current.privateKeyPkcs8), [
    ...file.previous.map((p) => p.verifierKey),
    ...(options.previousVerifierKeys ?? []),
  ]);
}

/** A throwaway key set (tests, benchmarks). */
export function ephemeralLogKeys(origin: string, privateKey?: KeyObject): LogKeys {
  return logKeysFrom(origin, privateKey ?? generateKeyPairSync('ed25519').privateKey);
}
