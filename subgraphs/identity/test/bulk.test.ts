import { describe, expect, it } from 'vitest';
import { checkCharacter, loadCaseFiles, loadPeople, type BulkPerson } from '../src/db/bulk.js';
import { CaseFile } from '../src/modules/case-file/case-file.entity.js';
import {
  data,
  drivers,
  ME,
  signIn,
  totpCode,
  useIdentity,
  VERIFY,
  viewerOf,
  type AuthData,
} from './setup.js';

const PASSWORD = 'Bulk#Resident2026';
const FIRST_17 = ['33990119900101123', '33990219851212002', '33990319700303123'];
const idNumber = (first17: string) => first17 + checkCharacter(first17);
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const person = (n: number, fields: Partial<BulkPerson> = {}): BulkPerson => ({
  personId: `00000000-0000-4000-8000-0000000b${String(n).padStart(4, '0')}`,
  accountId: `00000000-0000-4000-8000-0000000a${String(n).padStart(4, '0')}`,
  name: `测试${n}`,
  idNumber: idNumber(FIRST_17[n - 1]!),
  phone: `1990000${String(n).padStart(4, '0')}`,
  address: '云湖市湖滨区解放路街道柳营社区1幢101室（模拟）',
  communityCode: '33990101001001',
  roles: ['resident'],
  departmentCode: null,
  totpSecret: null,
  createdAt: new Date('2026-01-05T02:00:00Z'),
  ...fields,
});

describe.each(drivers)('bulk-loaded people on %s', (driver) => {
  const fx = useIdentity(driver);

  it('makes accounts residents sign in to, with sign-up’s consents', async () => {
    const loaded = await loadPeople(fx.identity.orm, [person(1), person(2)], {
      password: PASSWORD,
      secretBox: fx.secretBox,
    });
    expect(loaded).toEqual({ people: 2, accounts: 2, consents: 4 });
    const auth = await signIn(fx, '19900000001', PASSWORD);
    expect(auth.error).toBeNull();
    const viewer = await viewerOf(fx, auth.session!.accessToken);
    const { me } = await data<{ me: { roles: string[]; person: { name: string; dateOfBirth: string } } }>(
      fx,
      ME,
      {},
      { viewer },
    );
    expect(me).toMatchObject({ roles: ['resident'], person: { name: '测试1' } });
    const { myConsents } = await data<{ myConsents: { purpose: string }[] }>(
      fx,
      '{ myConsents { purpose } }',
      {},
      { viewer },
    );
    expect(myConsents.map((c) => c.purpose).sort()).toEqual(['PERSONAL_DATA_PROCESSING', 'PLATFORM_TERMS']);
  });

  it('makes staff accounts with TOTP enrolled, sealed as enrolment seals it', async () => {
    const staff = person(3, { roles: ['department-staff'], departmentCode: 'MZ', totpSecret: TOTP_SECRET });
    await loadPeople(fx.identity.orm, [staff], { password: PASSWORD, secretBox: fx.secretBox });
    const first = await signIn(fx, staff.phone, PASSWORD);
    expect(first.secondFactorRequired).toBe(true);
    fx.clock.advance(30_000);
    const second = (
      await data<{ verifySecondFactor: AuthData }>(fx, VERIFY, {
        input: { challengeToken: first.challengeToken, code: totpCode(fx, TOTP_SECRET) },
      })
    ).verifySecondFactor;
    expect(second.error).toBeNull();
    expect(await viewerOf(fx, second.session!.accessToken)).toMatchObject({ department: 'MZ', mfa: true });
  });

  it('refuses an invalid ID number, and writes nothing of its batch', async () => {
    const wrong = person(1, {
      personId: '00000000-0000-4000-8000-0000000b0009',
      accountId: '00000000-0000-4000-8000-0000000a0009',
      phone: '19900000009',
      // The right number with the wrong check character.
      idNumber: FIRST_17[0]! + (checkCharacter(FIRST_17[0]!) === '0' ? '1' : '0'),
    });
    await expect(
      loadPeople(fx.identity.orm, [wrong], { password: PASSWORD, secretBox: fx.secretBox }),
    ).rejects.toThrow(/CHECK_DIGIT/);
    expect((await signIn(fx, '19900000009', PASSWORD)).error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a shared password the policy would refuse', async () => {
    await expect(
      loadPeople(fx.identity.orm, [], { password: 'short', secretBox: fx.secretBox }),
    ).rejects.toThrow(/password policy/);
  });

  it('keeps the case files an imported history implies, as the consumer would', async () => {
    const step = {
      applicationId: '00000000-0000-4000-8000-00000000ca5e',
      reference: 'BM20261101000001',
      personId: person(1).personId,
      departmentCode: 'MZ',
      toState: 'COMPLETED',
      seq: 7,
      at: '2026-10-20T03:00:00.000Z',
    };
    expect(await loadCaseFiles(fx.identity.orm, [step])).toBe(1);
    const file = await fx.identity.orm.em
      .fork()
      .findOneOrFail(CaseFile, { applicationId: step.applicationId });
    expect(file).toMatchObject({ state: 'COMPLETED', open: false, lastSeq: 7, departmentCode: 'MZ' });
  });
});
