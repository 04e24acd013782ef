import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signDocument, verifyProof } from './data-integrity.js';
import { createKeyResolver, didWebDocumentUrl } from './did.js';
import {
  didWebFor,
  fileKeyRing,
  loadOrCreateIssuerKeyFile,
  memoryKeyRing,
  rotateIssuerKeyFile,
} from './issuer-keys.js';

describe('issuer keys, did:web and did:key', () => {
  it('derives did:web from the public URL and back', () => {
    expect(didWebFor('http://localhost:4004')).toBe('did:web:localhost%3A4004');
    expect(didWebFor('https://gov.example/licences/')).toBe('did:web:gov.example:licences');
    expect(didWebDocumentUrl('did:web:localhost%3A4004')).toBe('http://localhost:4004/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:gov.example:licences')).toBe('https://gov.example/licences/did.json');
    expect(didWebDocumentUrl('did:web:evil.example%2Fpath')).toBeNull();
  });

  it('creates the key file once (mode 0600) and rotation keeps the old key published', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'licences-keys-')), 'keys', 'issuer.json');
    const first = loadOrCreateIssuerKeyFile(path);
    expect(first.keys).toHaveLength(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateIssuerKeyFile(path)).toEqual(first);
    const ring = fileKeyRing('did:web:licences.test', path);
    const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], claim: '甲' };
    const before = ring.signingKey();
    const oldSigned = signDocument(
      doc,
      { verificationMethod: before.verificationMethod, created: '2026-01-01T00:00:00Z' },
      before.privateKey,
    );

    const rotated = rotateIssuerKeyFile(path);
    expect(rotated.keys).toHaveLength(2);
    expect(rotated.keys[0]!.retiredAt).not.toBeNull();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(rotated);
    const after = ring.signingKey();
    expect(after.verificationMethod).not.toBe(before.verificationMethod);
    // The old licence verifies with the retired key, which the DID document still lists.
    expect(verifyProof(oldSigned, (vm) => ring.publicKey(vm))).toMatchObject({ verified: true });
    const did = ring.didDocument() as {
      verificationMethod: { id: string; type: string }[];
      assertionMethod: string[];
      alsoKnownAs: string[];
    };
    expect(did.verificationMethod.map((m) => m.id)).toEqual([
      after.verificationMethod,
      before.verificationMethod,
    ]);
    expect(did.verificationMethod.every((m) => m.type === 'Multikey')).toBe(true);
    expect(did.assertionMethod).toEqual([after.verificationMethod, before.verificationMethod]);
    expect(did.alsoKnownAs.every((k) => /^did:key:z6Mk/.test(k))).toBe(true);
    expect(ring.keys().map((k) => k.current)).toEqual([true, false]);
  });

  it('resolves keys: ours from the ring, did:key from itself, did:web from its document (assertionMethod only)', async () => {
    const ours = memoryKeyRing('did:web:licences.test');
    const other = memoryKeyRing('did:web:other.example');
    const otherKey = other.keys()[0]!;
    const fetched: string[] = [];
    const resolver = createKeyResolver({
      ring: ours,
      fetchDocument: async (url) => {
        fetched.push(url);
        return other.didDocument();
      },
    });
    expect(await resolver.keyFor(ours.did, ours.keys()[0]!.verificationMethod)).not.toBeNull();
    expect(await resolver.keyFor(ours.did, `${ours.did}#z6MkNotOurs`)).toBeNull();
    expect(await resolver.keyFor(other.did, otherKey.verificationMethod)).not.toBeNull();
    expect(await resolver.keyFor(other.did, otherKey.verificationMethod)).not.toBeNull();
    expect(fetched).toEqual(['https://other.example/.well-known/did.json']);
    const didKey = otherKey.didKey;
    expect(await resolver.keyFor(didKey, `${didKey}#${otherKey.publicKeyMultibase}`)).not.toBeNull();
    expect(await resolver.keyFor(didKey, `${didKey}#z6MkSomethingElse`)).toBeNull();
  });
});
