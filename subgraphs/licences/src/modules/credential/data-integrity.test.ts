import { describe, expect, it } from 'vitest';
import { createProof, hashData, signDocument, verifyProof, type JsonObject } from './data-integrity.js';
import {
  privateKeyObject,
  publicKeyMultibase,
  publicKeyObject,
  publicKeyOfSeed,
  rawPublicKey,
  rawSecretKey,
} from './ed25519.js';
import { canonicalize } from './jcs.js';

/**
 * The published eddsa-jcs-2022 test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0"
 * (Appendix A, w3c/vc-di-eddsa TestVectors/eddsa-jcs-2022 and TestVectors/keyPair.json): the key
 * pair, the unsigned credential, the proof configuration and the expected proofValue.
 */
const KEY_PAIR = {
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  secretKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
};
const UNSIGNED = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
};
const PROOF_CONFIG = {
  type: 'DataIntegrityProof',
  cryptosuite: 'eddsa-jcs-2022',
  created: '2023-02-24T23:36:38Z',
  verificationMethod: 'https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  proofPurpose: 'assertionMethod',
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
};
const CANONICAL_DOCUMENT =
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],' +
  '"credentialSubject":{"alumniOf":"The School of Examples","id":"did:example:abcdefgh"},' +
  '"description":"A minimum viable example of an Alumni Credential.","id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",' +
  '"issuer":"https://vc.example/issuers/5678","name":"Alumni Credential","type":["VerifiableCredential","AlumniCredential"],' +
  '"validFrom":"2023-01-01T00:00:00Z"}';
/** SHA-256 of the canonical document (the second half of hashData). */
const DOCUMENT_HASH = '59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19';
const PROOF_VALUE =
  'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4';

const seed = rawSecretKey(KEY_PAIR.secretKeyMultibase)!;
const secret = privateKeyObject(seed);
const publicKey = publicKeyObject(rawPublicKey(KEY_PAIR.publicKeyMultibase)!);
const keyFor = (vm: string) => (vm === PROOF_CONFIG.verificationMethod ? publicKey : null);

describe('eddsa-jcs-2022 (W3C test vector)', () => {
  it('derives the published public key from the published secret key', () => {
    expect(publicKeyMultibase(publicKeyOfSeed(seed))).toBe(KEY_PAIR.publicKeyMultibase);
  });

  it('canonicalises the unsigned document and hashes it as the vector does', () => {
    expect(canonicalize(UNSIGNED)).toBe(CANONICAL_DOCUMENT);
    expect(hashData(UNSIGNED, PROOF_CONFIG).subarray(32).toString('hex')).toBe(DOCUMENT_HASH);
  });

  it('creates exactly the published proof', () => {
    const proof = createProof(
      UNSIGNED,
      { created: PROOF_CONFIG.created, verificationMethod: PROOF_CONFIG.verificationMethod },
      secret,
    );
    expect(proof).toEqual({ ...PROOF_CONFIG, proofValue: PROOF_VALUE });
  });

  it('verifies the published signed credential, and nothing that differs from it', () => {
    const signed: JsonObject = { ...UNSIGNED, proof: { ...PROOF_CONFIG, proofValue: PROOF_VALUE } };
    expect(verifyProof(signed, keyFor)).toMatchObject({ verified: true });
    const changed = structuredClone(signed);
    (changed.credentialSubject as JsonObject).alumniOf = 'The School of Examplez';
    expect(verifyProof(changed, keyFor)).toMatchObject({ verified: false, problem: 'BAD_SIGNATURE' });
    const otherContext = structuredClone(signed);
    (otherContext['@context'] as string[])[1] = 'https://example.org/other/v1';
    expect(verifyProof(otherContext, keyFor)).toMatchObject({ verified: false, problem: 'CONTEXT_MISMATCH' });
    const otherDate = structuredClone(signed);
    (otherDate.proof as JsonObject).created = '2023-02-24T23:36:39Z';
    expect(verifyProof(otherDate, keyFor)).toMatchObject({ verified: false, problem: 'BAD_SIGNATURE' });
  });

  it('refuses other proof types, a missing key and a malformed proofValue', () => {
    const signed: JsonObject = { ...UNSIGNED, proof: { ...PROOF_CONFIG, proofValue: PROOF_VALUE } };
    expect(
      verifyProof(
        { ...signed, proof: { ...PROOF_CONFIG, cryptosuite: 'eddsa-rdfc-2022', proofValue: PROOF_VALUE } },
        keyFor,
      ),
    ).toMatchObject({
      problem: 'UNSUPPORTED_PROOF',
    });
    expect(verifyProof(signed, () => null)).toMatchObject({ problem: 'UNKNOWN_KEY' });
    expect(verifyProof({ ...signed, proof: { ...PROOF_CONFIG, proofValue: 'uAAAA' } }, keyFor)).toMatchObject(
      {
        problem: 'MALFORMED_PROOF',
      },
    );
    expect(verifyProof({ ...signed, proof: [signed.proof] }, keyFor)).toMatchObject({
      problem: 'UNSUPPORTED_PROOF',
    });
    expect(verifyProof(UNSIGNED, keyFor)).toMatchObject({ problem: 'NO_PROOF' });
  });

  it('round-trips a document with Chinese text and nested fields', () => {
    const doc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      credentialSubject: { 姓名: '张小民', n: [1, 2.5, true, null] },
    };
    const signed = signDocument(
      doc,
      { verificationMethod: PROOF_CONFIG.verificationMethod, created: '2026-01-01T00:00:00Z' },
      secret,
    );
    expect(verifyProof(signed, keyFor)).toMatchObject({ verified: true });
    expect(verifyProof({ ...signed, extra: 1 }, keyFor)).toMatchObject({
      verified: false,
      problem: 'BAD_SIGNATURE',
    });
  });
});
