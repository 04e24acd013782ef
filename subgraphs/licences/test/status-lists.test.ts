import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Licence } from '../src/modules/licence/licence.entity.js';
import {
  credentialOf,
  data,
  drivers,
  GA_ISSUER,
  issue,
  ISSUE,
  PUBLIC_URL,
  RESIDENT,
  useLicences,
} from './setup.js';

/**
 * A verifier written here from the specifications alone — none of the service's own code — as a
 * relying party would: it canonicalises with a JCS of its own (the credentials carry only
 * strings, booleans, integers, arrays and objects), decodes base58btc itself, takes the key from
 * the DID document served over HTTP, and reads the status bit from the served list.
 */
const jcs = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(jcs).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${jcs((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function b58decode(s: string): Buffer {
  let n = 0n;
  for (const c of s) n = n * 58n + BigInt(B58.indexOf(c));
  const hex = n.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  return Buffer.concat([Buffer.alloc(s.match(/^1*/)![0].length), bytes]);
}
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();

async function independentlyVerify(
  vc: Record<string, unknown>,
  didDocument: Record<string, unknown>,
): Promise<boolean> {
  const { proof, ...document } = vc as { proof: Record<string, unknown> };
  const { proofValue, ...config } = proof;
  if (config.cryptosuite !== 'eddsa-jcs-2022' || config.type !== 'DataIntegrityProof') return false;
  const method = (didDocument.verificationMethod as { id: string; publicKeyMultibase: string }[]).find(
    (m) => m.id === config.verificationMethod,
  );
  if (!method || !(didDocument.assertionMethod as string[]).includes(method.id)) return false;
  const multikey = b58decode(method.publicKeyMultibase.slice(1));
  if (multikey[0] !== 0xed || multikey[1] !== 0x01) return false;
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), multikey.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
  const hashData = Buffer.concat([sha(jcs(config)), sha(jcs(document))]);
  return edVerify(null, hashData, key, b58decode(String(proofValue).slice(1)));
}

describe.each(drivers)('status lists over HTTP (%s)', (driver) => {
  const fx = useLicences(driver);
  let base = '';
  beforeAll(async () => {
    const port = await fx.licences.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });
  // The credentials name the public URL; this test's "DNS" maps it to the listener.
  const local = (url: string) => url.replace(PUBLIC_URL, base);

  it('serves the DID document with every key, as Multikey', async () => {
    const response = await fetch(`${base}/.well-known/did.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/did+json');
    const doc = (await response.json()) as {
      id: string;
      verificationMethod: { type: string; publicKeyMultibase: string }[];
    };
    expect(doc.id).toBe(fx.keys.did);
    expect(doc.verificationMethod[0]).toMatchObject({
      type: 'Multikey',
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
    });
  });

  it('serves a signed, GZIP + base64url list of 131,072 entries, cacheable, with an ETag; the bit flips on revocation', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENCE_PERMIT',
      holderPersonId: RESIDENT.personId!,
    });
    const vc = JSON.parse(await credentialOf(fx, licence.id));
    const did = (await (await fetch(`${base}/.well-known/did.json`)).json()) as Record<string, unknown>;
    expect(await independentlyVerify(vc, did)).toBe(true);
    const tampered = structuredClone(vc);
    tampered.credentialSubject.idNumber = '339901199003071237';
    expect(await independentlyVerify(tampered, did)).toBe(false);

    const entry = vc.credentialStatus.find(
      (e: { statusPurpose: string }) => e.statusPurpose === 'revocation',
    );
    const read = async (headers: Record<string, string> = {}) =>
      fetch(local(entry.statusListCredential), { headers });
    const first = await read();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('content-type')).toContain('application/vc+ld+json');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const list = (await first.json()) as Record<string, unknown> & {
      credentialSubject: Record<string, string>;
    };
    expect(list).toMatchObject({
      id: entry.statusListCredential,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: fx.keys.did,
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(await independentlyVerify(list, did)).toBe(true);
    const bit = (l: { credentialSubject: Record<string, string> }) => {
      const bytes = gunzipSync(Buffer.from(l.credentialSubject.encodedList!.slice(1), 'base64url'));
      expect(l.credentialSubject.encodedList!.startsWith('u')).toBe(true);
      expect(bytes.length * 8).toBeGreaterThanOrEqual(131_072);
      const i = Number(entry.statusListIndex);
      return (bytes[Math.floor(i / 8)]! >> (7 - (i % 8))) & 1;
    };
    expect(bit(list)).toBe(0);
    expect((await read({ 'if-none-match': etag })).status).toBe(304);

    await data(
      fx,
      `mutation ($id: ID!) { revokeLicence(id: $id, reason: "居住地已变更") { ok } }`,
      { id: licence.id },
      GA_ISSUER,
    );
    const after = await read({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const revoked = (await after.json()) as typeof list;
    expect(bit(revoked)).toBe(1);
    expect(await independentlyVerify(revoked, did)).toBe(true);
    // The same version gives the same bytes: replicas agree on the ETag.
    expect((await read()).headers.get('etag')).toBe(after.headers.get('etag'));
    expect((await fetch(`${base}/status/revocation/2`)).status).toBe(404);
    expect((await fetch(`${base}/status/revocation/1`, { method: 'POST' })).status).toBe(405);
  });

  it('allocates status positions race-free: concurrent issuances never share a bit', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        fx.licences.execute<{ issueLicence: { ok: boolean; licence: { id: string } } }>(
          ISSUE,
          { input: { typeCode: 'LIBRARY_CARD', holderPersonId: RESIDENT.personId } },
          { ...GA_ISSUER, department: 'WL' },
        ),
      ),
    );
    expect(results.every((r) => r.data?.issueLicence.ok)).toBe(true);
    const rows = await fx.licences.orm.em.fork().find(Licence, {});
    const revocation = rows.map((r) => `${r.revocationList}/${r.revocationIndex}`);
    const suspension = rows.map((r) => `${r.suspensionList}/${r.suspensionIndex}`);
    const numbers = rows.map((r) => r.number);
    expect(new Set(revocation).size).toBe(rows.length);
    expect(new Set(suspension).size).toBe(rows.length);
    expect(new Set(numbers).size).toBe(rows.length);
  });
});
