import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { LicenceGrantUse } from '../src/modules/grant/grant.entity.js';
import {
  data,
  drivers,
  GA_ISSUER,
  issue,
  MZ_ISSUER,
  MZ_STAFF,
  OTHER_PARTNER,
  OTHER_RESIDENT,
  PARTNER,
  RESIDENT,
  SENIOR,
  useLicences,
  verify,
  type LicencesFixture,
} from './setup.js';

const GRANT = `mutation ($input: GrantLicenceAccessInput!) {
  grantLicenceAccess(input: $input) { ok error { code field message } grant { id state purpose disclose granteeKind granteeId } }
}`;
const SHARED = `query ($id: ID!) {
  sharedLicence(grantId: $id) { ok error { code message } shared { grantId purpose status typeCode name disclosed credential } }
}`;

type GrantResult = {
  ok: boolean;
  error: { code: string; field: string | null } | null;
  grant: { id: string; state: string } | null;
};
type SharedResult = {
  ok: boolean;
  error: { code: string; message: string } | null;
  shared: { status: string; disclosed: string[] | null; credential: string; purpose: string } | null;
};

const grant = async (fx: LicencesFixture, holder: Identity, input: Record<string, unknown>) =>
  (await data<{ grantLicenceAccess: GrantResult }>(fx, GRANT, { input }, holder)).grantLicenceAccess;
const shared = async (fx: LicencesFixture, viewer: Identity, id: string) =>
  (await fx.licences.execute<{ sharedLicence: SharedResult }>(SHARED, { id }, viewer)).data!.sharedLicence;
const inDays = (fx: LicencesFixture, days: number) =>
  new Date(fx.clock.now() + days * 86_400_000).toISOString();

describe.each(drivers)('sharing licences with consent (%s)', (driver) => {
  const fx = useLicences(driver);

  it('lets the granted department read the licence for the purpose; every read is logged for the holder', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'HOUSEHOLD_REGISTER',
      holderPersonId: RESIDENT.personId!,
    });
    const g = await grant(fx, RESIDENT, {
      licenceId: licence.id,
      grantee: { departmentCode: 'mz' },
      purpose: '办理最低生活保障申请，核对户籍',
      validUntil: inDays(fx, 30),
    });
    expect(g).toMatchObject({ ok: true, grant: { state: 'ACTIVE' } });
    const read = await shared(fx, MZ_STAFF, g.grant!.id);
    expect(read).toMatchObject({
      ok: true,
      shared: { status: 'VALID', disclosed: null, purpose: '办理最低生活保障申请，核对户籍' },
    });
    expect((await verify(fx, read.shared!.credential)).status).toBe('VALID');
    fx.clock.advance(60_000);
    await shared(fx, MZ_ISSUER, g.grant!.id);

    // Others: no grant for them (NOT_FOUND), whatever their role.
    for (const stranger of [GA_ISSUER, PARTNER, OTHER_RESIDENT])
      expect(await shared(fx, stranger, g.grant!.id)).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) },
      });
    expect(await shared(fx, GA_ISSUER, g.grant!.id)).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const mine = await data<{
      myLicenceGrants: {
        edges: { node: { id: string; uses: { at: string; by: string; purpose: string }[] } }[];
      };
    }>(fx, `{ myLicenceGrants { edges { node { id uses { at by purpose } } } } }`, {}, RESIDENT);
    const uses = mine.myLicenceGrants.edges.find((e) => e.node.id === g.grant!.id)!.node.uses;
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({
      by: 'MZ department-staff/licence-issuer',
      purpose: '办理最低生活保障申请，核对户籍',
    });
    expect(Date.parse(uses[0]!.at)).toBeGreaterThan(Date.parse(uses[1]!.at));
    // Nobody else sees the holder's grants.
    const other = await data<{ myLicenceGrants: { totalCount: number } }>(
      fx,
      `{ myLicenceGrants { totalCount } }`,
      {},
      OTHER_RESIDENT,
    );
    expect(other.myLicenceGrants.totalCount).toBe(0);
  });

  it('refuses reads after the holder revokes the grant, and after it expires', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENCE_PERMIT',
      holderPersonId: RESIDENT.personId!,
    });
    const toPartner = await grant(fx, RESIDENT, {
      licenceId: licence.id,
      grantee: { apiClientId: PARTNER.clientId },
      purpose: '开立银行账户，核验居住证明',
      validUntil: inDays(fx, 2),
    });
    expect(await shared(fx, PARTNER, toPartner.grant!.id)).toMatchObject({ ok: true });
    expect(await shared(fx, OTHER_PARTNER, toPartner.grant!.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await shared(fx, { ...PARTNER, scopes: [] }, toPartner.grant!.id)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const revoke = async (viewer: Identity) =>
      (
        await data<{ revokeLicenceGrant: GrantResult }>(
          fx,
          `mutation ($id: ID!) { revokeLicenceGrant(id: $id) { ok error { code } grant { id state } } }`,
          { id: toPartner.grant!.id },
          viewer,
        )
      ).revokeLicenceGrant;
    expect(await revoke(OTHER_RESIDENT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await revoke(RESIDENT)).toMatchObject({ ok: true, grant: { state: 'REVOKED' } });
    expect(await revoke(RESIDENT)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await shared(fx, PARTNER, toPartner.grant!.id);
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(after.error!.message).toContain('撤回');

    const shortGrant = await grant(fx, RESIDENT, {
      licenceId: licence.id,
      grantee: { departmentCode: 'MZ' },
      purpose: '核对居住情况',
      validUntil: inDays(fx, 1),
    });
    expect(await shared(fx, MZ_STAFF, shortGrant.grant!.id)).toMatchObject({ ok: true });
    fx.clock.advanceDays(1);
    expect(await shared(fx, MZ_STAFF, shortGrant.grant!.id)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Refused reads are not uses.
    const uses = await fx.licences.orm.em
      .fork()
      .count(LicenceGrantUse, { grantId: { $in: [toPartner.grant!.id, shortGrant.grant!.id] } });
    expect(uses).toBe(2);
  });

  it('refuses bad grants with typed errors: someone else’s licence, two grantees, a long purpose, a past date', async () => {
    const licence = await issue(fx, GA_ISSUER, { typeCode: 'PASSPORT', holderPersonId: RESIDENT.personId! });
    const base = {
      licenceId: licence.id,
      grantee: { departmentCode: 'MZ' },
      purpose: '核验',
      validUntil: inDays(fx, 3),
    };
    expect(await grant(fx, OTHER_RESIDENT, base)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await grant(fx, RESIDENT, { ...base, grantee: { departmentCode: 'MZ', apiClientId: 'pc_x1234567' } }),
    ).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'grantee' },
    });
    expect(await grant(fx, RESIDENT, { ...base, grantee: {} })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'grantee' },
    });
    expect(await grant(fx, RESIDENT, { ...base, purpose: '长'.repeat(201) })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'purpose' },
    });
    expect(await grant(fx, RESIDENT, { ...base, purpose: '  ' })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'purpose' },
    });
    expect(await grant(fx, RESIDENT, { ...base, validUntil: inDays(fx, -1) })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'validUntil' },
    });
    expect(await grant(fx, RESIDENT, { ...base, validUntil: inDays(fx, 400) })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'validUntil' },
    });
    expect(await grant(fx, RESIDENT, { ...base, disclose: [] })).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'disclose' },
    });
    // A department code identity does not know is refused, not granted to a department that does not exist.
    expect(await grant(fx, RESIDENT, { ...base, grantee: { departmentCode: 'XX' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'grantee.departmentCode' },
    });
    await data(
      fx,
      `mutation ($id: ID!) { revokeLicence(id: $id, reason: "已注销") { ok } }`,
      { id: licence.id },
      GA_ISSUER,
    );
    expect(await grant(fx, RESIDENT, base)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('discloses only the chosen claims — "aged 60 or over" without the ID number — in a credential anyone can verify', async () => {
    const licence = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: SENIOR.personId!,
    });
    const g = await grant(fx, SENIOR, {
      licenceId: licence.id,
      grantee: { apiClientId: PARTNER.clientId },
      purpose: '公交老年卡优惠资格核验',
      validUntil: inDays(fx, 7),
      disclose: ['HOLDER_NAME', 'AGE_OVER_60'],
    });
    expect(g).toMatchObject({ ok: true });
    const read = await shared(fx, PARTNER, g.grant!.id);
    expect(read.shared!.disclosed).toEqual(['HOLDER_NAME', 'AGE_OVER_60']);
    const vc = JSON.parse(read.shared!.credential);
    expect(vc.type).toEqual(['VerifiableCredential', 'LicenceDisclosureCredential']);
    expect(vc.credentialSubject).toMatchObject({
      name: '王秀英',
      ageOver60: true,
      licence: { typeCode: 'RESIDENT_ID_CARD' },
    });
    expect(read.shared!.credential).not.toContain('339901195504186781');
    expect(read.shared!.credential).not.toContain('1955');
    const verdict = await verify(fx, read.shared!.credential);
    expect(verdict.status).toBe('VALID');
    expect(verdict.licence).toMatchObject({
      holderName: '王秀英',
      holderIdNumber: null,
      claims: [{ name: 'ageOver60', value: 'true' }],
    });
    // It carries the licence's status entries: revoking the licence revokes the disclosure.
    await data(
      fx,
      `mutation ($id: ID!) { revokeLicence(id: $id, reason: "证件作废") { ok } }`,
      { id: licence.id },
      GA_ISSUER,
    );
    fx.clock.advance(61_000);
    expect((await verify(fx, read.shared!.credential)).status).toBe('REVOKED');
  });
});
