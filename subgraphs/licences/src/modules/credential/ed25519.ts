import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { decodeMultibaseBase58, multibaseBase58 } from './multibase.js';

/** Multicodec prefixes (unsigned varints) of Multikey values: ed25519-pub 0xed, ed25519-priv 0x1300. */
const ED25519_PUB = Uint8Array.of(0xed, 0x01);
const ED25519_PRIV = Uint8Array.of(0x80, 0x26);

const withPrefix = (prefix: Uint8Array, key: Uint8Array) => {
  const out = new Uint8Array(prefix.length + key.length);
  out.set(prefix);
  out.set(key, prefix.length);
  return out;
};

function stripPrefix(text: string, prefix: Uint8Array): Uint8Array | null {
  const bytes = decodeMultibaseBase58(text);
  if (!bytes || bytes.length !== prefix.length + 32) return null;
  if (bytes[0] !== prefix[0] || bytes[1] !== prefix[1]) return null;
  return bytes.slice(prefix.length);
}

/** `z6Mk…`: the Multikey encoding of a raw 32-byte Ed25519 public key. */
export const publicKeyMultibase = (raw: Uint8Array): string => multibaseBase58(withPrefix(ED25519_PUB, raw));
/** The Multikey encoding of a raw 32-byte Ed25519 private key (seed): `z3u2…`. */
export const secretKeyMultibase = (seed: Uint8Array): string =>
  multibaseBase58(withPrefix(ED25519_PRIV, seed));

/** The raw public key of a `z6Mk…` Multikey, or null when it is not an Ed25519 public key. */
export const rawPublicKey = (multibase: string): Uint8Array | null => stripPrefix(multibase, ED25519_PUB);
export const rawSecretKey = (multibase: string): Uint8Array | null => stripPrefix(multibase, ED25519_PRIV);

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64u(raw) }, format: 'jwk' });
}

/** A private key from its seed; node:crypto derives the public half. */
export function privateKeyObject(seed: Uint8Array): KeyObject {
  // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte header, then the seed.
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** The raw public key belonging to a seed. */
export function publicKeyOfSeed(seed: Uint8Array): Uint8Array {
  const jwk = createPublicKey(privateKeyObject(seed)).export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

export const ed25519Sign = (data: Uint8Array, key: KeyObject): Uint8Array =>
  new Uint8Array(sign(null, data, key));

export function ed25519Verify(data: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  try {
    return signature.length === 64 && verify(null, data, key, signature);
  } catch {
    return false;
  }
}
