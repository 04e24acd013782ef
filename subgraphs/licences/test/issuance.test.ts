import { describe, expect, it } from 'vitest';
import { Licence, LicenceStatusChange } from '../src/modules/licence/licence.entity.js';
import { OutboxMessage } from '@bianmin/kit';
import {
  credentialOf,
  data,
  drivers,
  GA_ISSUER,
  ISSUER_DID,
  issue,
  MZ_ISSUER,
  PUBLIC_URL,
  RESIDENT,
  useLicences,
  verify,
} from './setup.js';

describe.each(drivers)('issuing licences (%s)', (driver) => {
  const fx = useLicences(driver);

  it('issues a signed VC 2.0 credential with the GB/T 36903 metadata, two status entries and an eddsa-jcs-2022 proof', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: RESIDENT.personId!,
      fields: [
        { name: 'sex', value: '男' },
        { name: 'ethnicity', value: '汉' },
        { name: 'address', value: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室' },
      ],
    });
    expect(licence.status).toBe('VALID');
    expect(licence.issuerCode).toBe('GA');
    // Born 1990-03-07: 36 on the issue date → 20 years.
    expect(licence.validFrom).toBe('2026-11-30');
    expect(licence.validUntil).toBe('2046-11-30');
    // The holder sees the credential; the ID number field is masked like everywhere else.
    expect(licence.credential).toBeNull(); // the issuer is not the holder
    expect(licence.holderIdNumber).toBe('339***********1236');
    const vc = JSON.parse(await credentialOf(fx, licence.id));
    expect(vc['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(vc.type).toEqual(['VerifiableCredential', 'ElectronicLicenceCredential']);
    expect(vc.id).toBe(`urn:uuid:${licence.id}`);
    expect(vc.issuer).toBe(ISSUER_DID);
    expect(vc.validFrom).toBe('2026-11-30T00:00:00+08:00');
    expect(vc.validUntil).toBe('2046-11-30T23:59:59+08:00');
    expect(vc.credentialSubject).toMatchObject({
      name: '张小民',
      idType: 'RESIDENT_ID_CARD',
      idNumber: '339901199003071236',
      dateOfBirth: '1990-03-07',
      licence: {
        name: '居民身份证',
        typeCode: 'RESIDENT_ID_CARD',
        number: licence.number,
        issuingAuthority: '云湖市公安局',
        issuingAuthorityCode: 'GA',
        issueDate: '2026-11-30',
        fields: { sex: '男', ethnicity: '汉' },
      },
    });
    expect(vc.credentialStatus).toHaveLength(2);
    for (const [i, purpose] of (['revocation', 'suspension'] as const).entries()) {
      expect(vc.credentialStatus[i]).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: purpose,
        statusListCredential: `${PUBLIC_URL}/status/${purpose}/1`,
      });
      expect(vc.credentialStatus[i].statusListIndex).toMatch(/^\d+$/);
    }
    expect(vc.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: expect.stringMatching(new RegExp(`^${ISSUER_DID}#z6Mk`)),
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/),
    });
    const result = await verify(fx, JSON.stringify(vc));
    expect(result.status).toBe('VALID');
    expect(result.checks.map((c) => [c.check, c.passed])).toEqual([
      ['WELL_FORMED', true],
      ['ISSUER_KNOWN', true],
      ['PROOF', true],
      ['VALIDITY_PERIOD', true],
      ['STATUS', true],
    ]);
    expect(result.licence).toMatchObject({
      holderName: '张小民',
      holderIdNumber: '339901199003071236',
      number: licence.number,
    });
  });

  it('records the first history step and a licences.licence.issued event in the same transaction', async () => {
    const licence = await issue(fx, MZ_ISSUER, {
      typeCode: 'SENIOR_CARD',
      holderPersonId: RESIDENT.personId!,
    });
    const em = fx.licences.orm.em.fork();
    const steps = await em.find(LicenceStatusChange, { licenceId: licence.id });
    expect(steps.map((s) => [s.action, s.toStatus, s.actorKind, s.actorAccountId])).toEqual([
      ['ISSUE', 'VALID', 'STAFF', MZ_ISSUER.accountId],
    ]);
    const events = await em.find(OutboxMessage, { key: licence.id });
    expect(events.map((e) => e.topic)).toEqual(['licences.licence.issued']);
    expect(events[0]!.payload).toMatchObject({
      licenceId: licence.id,
      typeCode: 'SENIOR_CARD',
      holderPersonId: RESIDENT.personId,
      issuerCode: 'MZ',
      status: 'VALID',
    });
    expect((await em.findOneOrFail(Licence, { id: licence.id })).source).toBe('STAFF');
  });

  it('refuses bad input with a typed error and changes nothing', async () => {
    const em = fx.licences.orm.em.fork();
    const before = await em.count(Licence, {});
    const attempt = async (input: Record<string, unknown>) =>
      (
        await data<{ issueLicence: { ok: boolean; error: { code: string; field: string | null } } }>(
          fx,
          `mutation ($input: IssueLicenceInput!) { issueLicence(input: $input) { ok error { code field message } } }`,
          { input: { typeCode: 'DRIVING_LICENCE', holderPersonId: RESIDENT.personId, ...input } },
          GA_ISSUER,
        )
      ).issueLicence;
    expect(await attempt({ typeCode: 'NO_SUCH_TYPE' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'input.typeCode' },
    });
    expect(await attempt({ holderPersonId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT' },
    });
    expect(await attempt({ holderPersonId: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'input.holderPersonId' },
    });
    expect(await attempt({ fields: [{ name: 'colour', value: 'red' }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'input.fields.0.name' },
    });
    expect(await attempt({ fields: [{ name: 'firstIssueDate', value: '2010-02-30' }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'input.fields.0.value' },
    });
    expect(await attempt({ validFrom: '1900-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'input.validFrom' },
    });
    fx.holders.state.down = true;
    try {
      expect(await attempt({})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      fx.holders.state.down = false;
    }
    expect(await em.count(Licence, {})).toBe(before);
  });
});
