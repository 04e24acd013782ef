import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDocument, type JsonObject } from '../src/modules/credential/data-integrity.js';
import { privateKeyObject, publicKeyMultibase, publicKeyOfSeed } from '../src/modules/credential/ed25519.js';
import { memoryKeyRing } from '../src/server.js';
import {
  credentialOf,
  data,
  drivers,
  GA_ISSUER,
  issue,
  MZ_ISSUER,
  RESIDENT,
  SENIOR,
  useLicences,
  verify,
  type LicencesFixture,
} from './setup.js';

/** An issuer identified by did:key, trusted through TRUSTED_ISSUERS. */
function didKeyIssuer() {
  const seed = randomBytes(32);
  const pk = publicKeyMultibase(publicKeyOfSeed(seed));
  const did = `did:key:${pk}`;
  return {
    did,
    sign: (doc: JsonObject) =>
      signDocument(
        doc,
        { verificationMethod: `${did}#${pk}`, created: '2026-11-01T00:00:00Z' },
        privateKeyObject(seed),
      ),
  };
}
const FOREIGN = didKeyIssuer();
const STRANGER = didKeyIssuer();

const act = (
  fx: LicencesFixture,
  action: 'revokeLicence' | 'suspendLicence' | 'reinstateLicence',
  id: string,
  reason = '核查发现信息有误',
) =>
  data<
    Record<
      string,
      {
        ok: boolean;
        error: { code: string } | null;
        licence: { status: string; statusReason: string } | null;
      }
    >
  >(
    fx,
    `mutation ($id: ID!, $reason: String!) { ${action}(id: $id, reason: $reason) { ok error { code message } licence { status statusReason } } }`,
    { id, reason },
    GA_ISSUER,
  ).then((r) => r[action]!);

/** Change one character at `i` into a different one (keeping it printable). */
function flip(text: string, i: number): string {
  const c = text[i]!;
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const replacement = alnum.includes(c)
    ? alnum[(alnum.indexOf(c) + 7) % alnum.length]!
    : String.fromCharCode(c.charCodeAt(0) ^ 1);
  return text.slice(0, i) + replacement + text.slice(i + 1);
}

describe.each(drivers)('verifying credentials (%s)', (driver) => {
  const fx = useLicences(driver, { trustedIssuers: [FOREIGN.did] });

  it('says TAMPERED when any character of a licence is changed, wherever it is', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'DRIVING_LICENCE',
      holderPersonId: RESIDENT.personId!,
      fields: [
        { name: 'vehicleClass', value: 'C1' },
        { name: 'firstIssueDate', value: '2010-07-20' },
      ],
    });
    const text = await credentialOf(fx, licence.id);
    expect((await verify(fx, text)).status).toBe('VALID');
    // Every 7th character, plus the ends, the proof value, the issuer and a status index.
    const positions = new Set<number>([0, 1, text.length - 2, text.length - 1]);
    for (let i = 0; i < text.length; i += 7) positions.add(i);
    for (const marker of [
      '"proofValue":"z',
      '"issuer":"did:web',
      '"statusListIndex":"',
      '"idNumber":"',
      '张小民',
    ])
      positions.add(text.indexOf(marker) + marker.length + 1);
    expect(positions.size).toBeGreaterThan(150);
    const verdicts = new Map<string, number>();
    for (const i of positions) {
      const result = await verify(fx, flip(text, i));
      verdicts.set(result.status, (verdicts.get(result.status) ?? 0) + 1);
      if (result.status !== 'TAMPERED')
        throw new Error(`position ${i} (${text.slice(i - 10, i + 10)}) → ${result.status}`);
      expect(result.licence).toBeNull();
    }
    expect([...verdicts.keys()]).toEqual(['TAMPERED']);
    // Not JSON at all, or JSON that is not a credential.
    expect((await verify(fx, 'not json')).checks[0]).toMatchObject({ check: 'WELL_FORMED', passed: false });
    expect((await verify(fx, '{"hello":"world"}')).status).toBe('TAMPERED');
  });

  it('says UNKNOWN_ISSUER for a well-signed credential of an issuer nobody trusts, and accepts TRUSTED_ISSUERS', async () => {
    const doc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: STRANGER.did,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { name: '张小民' },
    };
    const unknown = await verify(fx, JSON.stringify(STRANGER.sign(doc)));
    expect(unknown.status).toBe('UNKNOWN_ISSUER');
    expect(unknown.checks.at(-1)).toMatchObject({ check: 'ISSUER_KNOWN', passed: false });
    // Another did:web issuer signing with its own key, claiming to be us, is not us either.
    const forger = memoryKeyRing('did:web:forger.example');
    const forged = signDocument(
      { ...doc, issuer: forger.did },
      { verificationMethod: forger.signingKey().verificationMethod, created: '2026-01-01T00:00:00Z' },
      forger.signingKey().privateKey,
    );
    expect((await verify(fx, JSON.stringify(forged))).status).toBe('UNKNOWN_ISSUER');
    const impostor = signDocument(
      { ...doc, issuer: fx.keys.did },
      {
        verificationMethod: `${fx.keys.did}#${forger.keys()[0]!.publicKeyMultibase}`,
        created: '2026-01-01T00:00:00Z',
      },
      forger.signingKey().privateKey,
    );
    expect((await verify(fx, JSON.stringify(impostor))).status).toBe('TAMPERED');
    const trusted = await verify(fx, JSON.stringify(FOREIGN.sign({ ...doc, issuer: FOREIGN.did })));
    expect(trusted.status).toBe('VALID');
    expect(trusted.issuer).toBe(FOREIGN.did);
  });

  it('says EXPIRED after the last valid day and NOT_YET_VALID before the first, by the clock', async () => {
    const old = await issue(fx, GA_ISSUER, {
      typeCode: 'HOUSEHOLD_PROOF',
      holderPersonId: RESIDENT.personId!,
      validFrom: '2026-01-10',
    });
    expect(old.validUntil).toBe('2026-04-10');
    expect(old.status).toBe('EXPIRED');
    const expired = await verify(fx, await credentialOf(fx, old.id));
    expect(expired.status).toBe('EXPIRED');
    expect(expired.checks.find((c) => c.check === 'VALIDITY_PERIOD')).toMatchObject({ passed: false });
    expect(expired.licence).toBeNull();

    const future = await issue(fx, GA_ISSUER, {
      typeCode: 'HOUSEHOLD_PROOF',
      holderPersonId: RESIDENT.personId!,
      validFrom: '2027-01-01',
    });
    const text = await credentialOf(fx, future.id);
    expect((await verify(fx, text)).status).toBe('NOT_YET_VALID');
    const start = fx.clock.now();
    try {
      fx.clock.set('2027-01-01T00:00:01+08:00');
      expect((await verify(fx, text)).status).toBe('VALID');
      fx.clock.set('2027-04-01T23:59:58+08:00');
      expect((await verify(fx, text)).status).toBe('VALID');
      fx.clock.set('2027-04-02T00:00:00+08:00');
      expect((await verify(fx, text)).status).toBe('EXPIRED');
    } finally {
      fx.clock.set(new Date(start).toISOString());
    }
  });

  it('reads REVOKED once the cached status list is refreshed (60 s), and records reason and actor', async () => {
    const licence = await issue(fx, GA_ISSUER, { typeCode: 'PASSPORT', holderPersonId: RESIDENT.personId! });
    const text = await credentialOf(fx, licence.id);
    expect((await verify(fx, text)).status).toBe('VALID');
    expect(await act(fx, 'revokeLicence', licence.id, '证件遗失，申请作废')).toMatchObject({
      ok: true,
      licence: { status: 'REVOKED', statusReason: '证件遗失，申请作废' },
    });
    // The verifier still holds the list it fetched a moment ago…
    expect((await verify(fx, text)).status).toBe('VALID');
    // …and sees the bit once the list is fetched again.
    fx.clock.advance(61_000);
    const revoked = await verify(fx, text);
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.checks.find((c) => c.check === 'STATUS')).toMatchObject({ passed: false });
    expect(await act(fx, 'revokeLicence', licence.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await act(fx, 'reinstateLicence', licence.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const history = await data<{
      licence: { history: { action: string; reason: string | null; actorKind: string }[] };
    }>(
      fx,
      `query ($id: ID!) { licence(id: $id) { history { action reason actorKind } } }`,
      { id: licence.id },
      RESIDENT,
    );
    expect(history.licence.history).toEqual([
      { action: 'ISSUE', reason: null, actorKind: 'STAFF' },
      { action: 'REVOKE', reason: '证件遗失，申请作废', actorKind: 'STAFF' },
    ]);
  });

  it('suspends and reinstates through the suspension list', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'VEHICLE_LICENCE',
      holderPersonId: RESIDENT.personId!,
    });
    const text = await credentialOf(fx, licence.id);
    expect(await act(fx, 'suspendLicence', licence.id, '车辆被查封')).toMatchObject({
      ok: true,
      licence: { status: 'SUSPENDED' },
    });
    expect(await act(fx, 'suspendLicence', licence.id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    fx.services().statusLists.clear();
    expect((await verify(fx, text)).status).toBe('SUSPENDED');
    expect(await act(fx, 'reinstateLicence', licence.id, '查封已解除')).toMatchObject({
      ok: true,
      licence: { status: 'VALID' },
    });
    fx.clock.advance(61_000);
    expect((await verify(fx, text)).status).toBe('VALID');
    // A suspended licence can also be revoked for good; both bits are then answered.
    await act(fx, 'suspendLicence', licence.id);
    expect(await act(fx, 'revokeLicence', licence.id)).toMatchObject({
      ok: true,
      licence: { status: 'REVOKED' },
    });
    fx.clock.advance(61_000);
    expect((await verify(fx, text)).status).toBe('REVOKED');
  });

  it('keeps licences signed before a key rotation verifiable, and signs new ones with the new key', async () => {
    const before = await issue(fx, MZ_ISSUER, {
      typeCode: 'SENIOR_CARD',
      holderPersonId: SENIOR.personId!,
    });
    const oldText = await credentialOf(fx, before.id, SENIOR);
    fx.keys.rotate();
    fx.services().statusLists.clear();
    const after = await issue(fx, MZ_ISSUER, {
      typeCode: 'MARRIAGE_RECORD_PROOF',
      holderPersonId: SENIOR.personId!,
    });
    const newText = await credentialOf(fx, after.id, SENIOR);
    const oldVm = JSON.parse(oldText).proof.verificationMethod;
    const newVm = JSON.parse(newText).proof.verificationMethod;
    expect(newVm).not.toBe(oldVm);
    expect((await verify(fx, oldText)).status).toBe('VALID');
    expect((await verify(fx, newText)).status).toBe('VALID');
    const keys = await data<{
      licenceIssuerKeys: { verificationMethod: string; current: boolean; didKey: string }[];
    }>(fx, `{ licenceIssuerKeys { verificationMethod current didKey } }`, {});
    expect(keys.licenceIssuerKeys.map((k) => [k.verificationMethod, k.current])).toEqual(
      expect.arrayContaining([
        [newVm, true],
        [oldVm, false],
      ]),
    );
  });
});
