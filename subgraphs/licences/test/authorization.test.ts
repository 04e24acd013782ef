import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import {
  ADMIN,
  data,
  drivers,
  GA_ISSUER,
  ISSUE,
  issue,
  MZ_ISSUER,
  MZ_STAFF,
  OTHER_RESIDENT,
  PARTNER,
  RESIDENT,
  useLicences,
  type LicencesFixture,
} from './setup.js';

const issueAs = async (fx: LicencesFixture, viewer: Identity, typeCode = 'RESIDENCE_PERMIT') =>
  (
    await fx.licences.execute<{
      issueLicence: { ok: boolean; error: { code: string; message: string } | null };
    }>(ISSUE, { input: { typeCode, holderPersonId: RESIDENT.personId } }, viewer)
  ).data!.issueLicence;

const LICENCE = `query ($id: ID!) { licence(id: $id) { id holderName holderIdNumber credential fields { name value } } }`;

describe.each(drivers)('who may do what with licences (%s)', (driver) => {
  const fx = useLicences(driver);

  it('only licence issuers of the authority (and administrators with a second factor) issue', async () => {
    expect(await issueAs(fx, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await issueAs(fx, MZ_STAFF, 'SENIOR_CARD')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await issueAs(fx, MZ_ISSUER, 'RESIDENCE_PERMIT')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await issueAs(fx, { ...ADMIN, mfa: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await issueAs(fx, PARTNER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await issueAs(fx, { accountId: null, roles: [] })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await issueAs(fx, GA_ISSUER)).toMatchObject({ ok: true });
    expect(await issueAs(fx, ADMIN, 'MARRIAGE_CERT')).toMatchObject({ ok: true });
  });

  it('shows a licence in full to its holder only; managing staff see it masked; anyone else nothing', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: RESIDENT.personId!,
      fields: [{ name: 'address', value: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室' }],
    });
    const holder = await data<{ licence: { credential: string; holderIdNumber: string } }>(
      fx,
      LICENCE,
      { id: licence.id },
      RESIDENT,
    );
    expect(JSON.parse(holder.licence.credential).credentialSubject.idNumber).toBe('339901199003071236');
    const staff = await data<{
      licence: { credential: string | null; holderIdNumber: string; fields: { value: string }[] };
    }>(fx, LICENCE, { id: licence.id }, GA_ISSUER);
    expect(staff.licence.credential).toBeNull();
    expect(staff.licence.holderIdNumber).toBe('339***********1236');
    expect(staff.licence.fields).toEqual([{ name: 'address', value: '云湖市湖滨区解放路街道****' }]);
    for (const other of [OTHER_RESIDENT, MZ_ISSUER, MZ_STAFF])
      expect((await data<{ licence: unknown }>(fx, LICENCE, { id: licence.id }, other)).licence).toBeNull();
    // Nor through a federation reference.
    const refs = await data<{ _entities: unknown[] }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Licence { id } } }`,
      { r: [{ __typename: 'Licence', id: licence.id }] },
      OTHER_RESIDENT,
    );
    expect(refs._entities).toEqual([null]);
  });

  it('lets only the issuing authority revoke, suspend or reinstate', async () => {
    const licence = await issue(fx, GA_ISSUER, { typeCode: 'PASSPORT', holderPersonId: RESIDENT.personId! });
    const revoke = async (viewer: Identity, id = licence.id, reason = '护照已注销') =>
      (
        await fx.licences.execute<{
          revokeLicence: { ok: boolean; error: { code: string; field: string | null } | null };
        }>(
          `mutation ($id: ID!, $reason: String!) { revokeLicence(id: $id, reason: $reason) { ok error { code field } } }`,
          { id, reason },
          viewer,
        )
      ).data!.revokeLicence;
    expect(await revoke(RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await revoke(MZ_ISSUER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await revoke(GA_ISSUER, '00000000-0000-4000-8000-00000000ffff')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await revoke(GA_ISSUER, licence.id, ' ')).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
    expect(await revoke(GA_ISSUER)).toMatchObject({ ok: true });
  });

  it('answers licencesOfHolder and myLicences for the signed-in person only, and bounds the lists', async () => {
    await issue(fx, GA_ISSUER, { typeCode: 'DRIVING_LICENCE', holderPersonId: OTHER_RESIDENT.personId! });
    const held = async (viewer: Identity) =>
      (
        await data<{ licencesOfHolder: { typeCode: string; status: string; validUntil: string | null }[] }>(
          fx,
          `query ($t: [String!]!) { licencesOfHolder(typeCodes: $t) { licenceId typeCode status validUntil } }`,
          { t: ['DRIVING_LICENCE', 'RESIDENT_ID_CARD'] },
          viewer,
        )
      ).licencesOfHolder;
    expect((await held(OTHER_RESIDENT)).map((l) => [l.typeCode, l.status, l.validUntil])).toEqual([
      ['DRIVING_LICENCE', 'VALID', '2032-11-30'],
    ]);
    expect((await held(RESIDENT)).map((l) => l.typeCode)).toEqual(['RESIDENT_ID_CARD']);
    const tooMany = await fx.licences.execute(
      `query ($t: [String!]!) { licencesOfHolder(typeCodes: $t) { licenceId } }`,
      {
        t: Array.from({ length: 51 }, (_, i) => `T${i}`),
      },
      RESIDENT,
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await fx.licences.execute(`{ myLicences { totalCount } }`, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await fx.licences.execute(`{ myLicences { totalCount } }`, {}, PARTNER);
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const page = await fx.licences.execute(`{ myLicences(first: 51) { totalCount } }`, {}, RESIDENT);
    expect(page.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("lists an authority's licences to its issuers with masked ID numbers, and to nobody else", async () => {
    const list = await data<{
      issuedLicences: {
        totalCount: number;
        edges: { node: { issuerCode: string; holderIdNumber: string } }[];
      };
    }>(
      fx,
      `{ issuedLicences(first: 50) { totalCount edges { node { issuerCode holderIdNumber } } } }`,
      {},
      GA_ISSUER,
    );
    expect(list.issuedLicences.totalCount).toBeGreaterThan(0);
    for (const { node } of list.issuedLicences.edges) {
      expect(node.issuerCode).toBe('GA');
      expect(node.holderIdNumber).toMatch(/^\d{3}\*+\d{4}$/);
    }
    const mz = await data<{ issuedLicences: { edges: { node: { issuerCode: string } }[] } }>(
      fx,
      `{ issuedLicences { edges { node { issuerCode } } } }`,
      {},
      MZ_ISSUER,
    );
    expect(mz.issuedLicences.edges.every((e) => e.node.issuerCode === 'MZ')).toBe(true);
    const resident = await fx.licences.execute(`{ issuedLicences { totalCount } }`, {}, RESIDENT);
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
