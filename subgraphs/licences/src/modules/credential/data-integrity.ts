import { createHash, type KeyObject } from 'node:crypto';
import { canonicalBytes } from './jcs.js';
import { ed25519Sign, ed25519Verify } from './ed25519.js';
import { decodeMultibaseBase58, multibaseBase58 } from './multibase.js';

/**
 * The `eddsa-jcs-2022` cryptosuite of W3C "Data Integrity EdDSA Cryptosuites v1.0" (§3.3), exactly
 * as specified: the proof configuration (the proof without `proofValue`, carrying the document's
 * `@context`) and the document without its proof are each canonicalised with JCS (RFC 8785) and
 * hashed with SHA-256; Ed25519 signs `hash(proofConfig) ‖ hash(document)`; the signature is the
 * `proofValue`, multibase base58btc. test: data-integrity.test.ts checks the spec's test vector.
 */
export const CRYPTOSUITE = 'eddsa-jcs-2022';

export type JsonObject = Record<string, unknown>;

export interface DataIntegrityProof extends JsonObject {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
  '@context'?: unknown;
}

export interface ProofOptions {
  /** A DID URL naming the key, e.g. `did:web:example.org#z6Mk…`. */
  verificationMethod: string;
  /** XML Schema dateTimeStamp, e.g. `2026-01-01T00:00:00Z`. */
  created: string;
  proofPurpose?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** `SHA-256(JCS(proofConfig)) ‖ SHA-256(JCS(document))` — the bytes that are signed (§3.3.4). */
export function hashData(document: JsonObject, proofConfig: JsonObject): Buffer {
  return Buffer.concat([sha256(canonicalBytes(proofConfig)), sha256(canonicalBytes(document))]);
}

/** Add Proof (§3.3.1): `document` must not carry a proof yet. */
export function createProof(
  document: JsonObject,
  options: ProofOptions,
  privateKey: KeyObject,
): DataIntegrityProof {
  const { proof: _ignored, ...unsecured } = document;
  const proofConfig: JsonObject = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
  };
  if (unsecured['@context'] !== undefined) proofConfig['@context'] = unsecured['@context'];
  const signature = ed25519Sign(hashData(unsecured, proofConfig), privateKey);
  return { ...proofConfig, proofValue: multibaseBase58(signature) } as DataIntegrityProof;
}

/** The document with a proof added. */
export function signDocument<T extends JsonObject>(
  document: T,
  options: ProofOptions,
  privateKey: KeyObject,
): T & { proof: DataIntegrityProof } {
  return { ...document, proof: createProof(document, options, privateKey) };
}

export type ProofProblem =
  'NO_PROOF' | 'UNSUPPORTED_PROOF' | 'MALFORMED_PROOF' | 'CONTEXT_MISMATCH' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export type ProofCheck =
  { verified: true; proof: DataIntegrityProof } | { verified: false; problem: ProofProblem; detail: string };

const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const deepEqual = (a: unknown, b: unknown): boolean => {
  try {
    return JSON.stringify(a) === JSON.stringify(b) || canonicalBytes(a).equals(canonicalBytes(b));
  } catch {
    return false;
  }
};

/**
 * Verify Proof (§3.3.2) for one `eddsa-jcs-2022` proof. `keyFor` resolves the proof's
 * `verificationMethod` to a public key the verifier trusts for `assertionMethod` (or null).
 */
export function verifyProof(
  secured: JsonObject,
  keyFor: (verificationMethod: string) => KeyObject | null,
  expectedPurpose = 'assertionMethod',
): ProofCheck {
  const { proof, ...unsecured } = secured;
  if (proof === undefined || proof === null)
    return { verified: false, problem: 'NO_PROOF', detail: 'no proof' };
  if (typeof proof !== 'object' || Array.isArray(proof))
    return { verified: false, problem: 'UNSUPPORTED_PROOF', detail: 'expected exactly one proof object' };
  const { proofValue, ...proofOptions } = proof as JsonObject;
  if (proofOptions.type !== 'DataIntegrityProof' || proofOptions.cryptosuite !== CRYPTOSUITE)
    return {
      verified: false,
      problem: 'UNSUPPORTED_PROOF',
      detail: `expected a DataIntegrityProof with cryptosuite ${CRYPTOSUITE}`,
    };
  if (proofOptions.proofPurpose !== expectedPurpose)
    return { verified: false, problem: 'MALFORMED_PROOF', detail: `proofPurpose must be ${expectedPurpose}` };
  if (typeof proofOptions.created === 'string' && !XSD_DATETIME.test(proofOptions.created))
    return { verified: false, problem: 'MALFORMED_PROOF', detail: 'created is not a dateTimeStamp' };
  if (typeof proofOptions.verificationMethod !== 'string')
    return { verified: false, problem: 'MALFORMED_PROOF', detail: 'verificationMethod missing' };
  const signature = typeof proofValue === 'string' ? decodeMultibaseBase58(proofValue) : null;
  if (!signature || signature.length !== 64)
    return {
      verified: false,
      problem: 'MALFORMED_PROOF',
      detail: 'proofValue is not a base58btc Ed25519 signature',
    };
  // §3.3.2 step 4: the proof's @context must be a prefix of the document's, and is what is verified.
  if (proofOptions['@context'] !== undefined) {
    const mine = Array.isArray(proofOptions['@context'])
      ? proofOptions['@context']
      : [proofOptions['@context']];
    const theirs = Array.isArray(unsecured['@context']) ? unsecured['@context'] : [unsecured['@context']];
    if (mine.length > theirs.length || !mine.every((c, i) => deepEqual(c, theirs[i])))
      return { verified: false, problem: 'CONTEXT_MISMATCH', detail: "the proof's @context differs" };
    unsecured['@context'] = proofOptions['@context'];
  }
  const key = keyFor(proofOptions.verificationMethod);
  if (!key)
    return {
      verified: false,
      problem: 'UNKNOWN_KEY',
      detail: `no trusted key ${proofOptions.verificationMethod}`,
    };
  let data: Buffer;
  try {
    data = hashData(unsecured, proofOptions);
  } catch (error) {
    return { verified: false, problem: 'MALFORMED_PROOF', detail: (error as Error).message };
  }
  if (!ed25519Verify(data, signature, key))
    return { verified: false, problem: 'BAD_SIGNATURE', detail: 'the signature does not match' };
  return { verified: true, proof: proof as DataIntegrityProof };
}
