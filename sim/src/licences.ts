import type { BulkLicence } from '@bianmin/licences/bulk';
import type { CityOptions } from './options.js';
import { personName } from './people/names.js';
import type { Resident } from './people/residents.js';
import { Rng, syntheticId } from './random.js';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

/** `date` moved by whole days. */
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

const ageOn = (birth: string, on: string) => Math.floor(daysBetween(birth, on) / YEAR_DAYS);

const BANKS = [
  '中国工商银行云湖分行',
  '中国农业银行云湖分行',
  '中国银行云湖分行',
  '中国建设银行云湖分行',
  '云湖农商银行',
];
const HOUSEHOLD_PLACES = [
  '安徽省阜阳市',
  '江西省上饶市',
  '河南省信阳市',
  '湖北省黄冈市',
  '四川省南充市',
  '贵州省毕节市',
];
const VEHICLE_CLASSES: readonly (readonly [string, number])[] = [
  ['C1', 85],
  ['C2', 8],
  ['B2', 4],
  ['A1', 3],
];

/** One kind of licence a resident may hold: who holds one, and what it says. */
interface WalletRule {
  typeCode: string;
  /** The chance a resident of this age holds one. */
  share(age: number): number;
  /** The first day of validity, and the licence's own fields. */
  issue(
    resident: Resident,
    age: number,
    rng: Rng,
    asOf: string,
  ): { issueDate: string; fields: BulkLicence['fields'] };
}

/**
 * What residents carry, with every licence still valid on `asOf` (issued within its validity):
 * everyone a 居民身份证; most a 户口簿 and a 社会保障卡; over-60s mostly a 老年人优待证; a third of
 * working-age adults a 驾驶证; one in ten, whose household is registered elsewhere, a 居住证.
 */
const WALLET: readonly WalletRule[] = [
  {
    typeCode: 'RESIDENT_ID_CARD',
    share: () => 1,
    // Valid 5 years or more from the day it is issued (居民身份证法 §5).
    issue: (r, _age, rng, asOf) => ({
      issueDate: shift(asOf, -rng.uniform(30, 4.8 * YEAR_DAYS)),
      fields: { sex: r.sex, ethnicity: r.ethnicity, address: r.address },
    }),
  },
  {
    typeCode: 'HOUSEHOLD_REGISTER',
    share: () => 0.6,
    issue: (r, age, rng, asOf) => {
      const head = rng.chance(0.6);
      return {
        issueDate: shift(asOf, -rng.uniform(60, Math.min(age, 20) * YEAR_DAYS)),
        fields: {
          householdType: '家庭户',
          householderName: head ? r.name : personName(rng, rng.chance(0.5) ? '男' : '女'),
          relationToHouseholder: head ? '户主' : rng.pick(age < 30 ? ['子女'] : ['配偶', '子女', '父母']),
          address: r.address,
        },
      };
    },
  },
  {
    typeCode: 'SOCIAL_SECURITY_CARD',
    share: (age) => (age >= 18 ? 0.6 : 0.2),
    issue: (r, _age, rng, asOf) => ({
      issueDate: shift(asOf, -rng.uniform(30, 9.5 * YEAR_DAYS)),
      fields: {
        cardNumber: `B${r.idNumber.slice(6, 8)}${String(r.n).padStart(7, '0')}`,
        bank: rng.pick(BANKS),
      },
    }),
  },
  {
    typeCode: 'RESIDENCE_PERMIT',
    share: () => 0.1,
    issue: (r, _age, rng, asOf) => ({
      issueDate: shift(asOf, -rng.uniform(10, 0.95 * YEAR_DAYS)),
      fields: { residenceAddress: r.address, householdPlace: rng.pick(HOUSEHOLD_PLACES) },
    }),
  },
  {
    typeCode: 'SENIOR_CARD',
    share: (age) => (age >= 60 ? 0.8 : 0),
    // Some day since the 60th birthday.
    issue: (r, _age, rng, asOf) => ({
      issueDate: shift(
        asOf,
        -rng.uniform(0, Math.max(0, daysBetween(shift(r.dateOfBirth, 60 * YEAR_DAYS + 1), asOf))),
      ),
      fields: { community: r.community.name },
    }),
  },
  {
    typeCode: 'DRIVING_LICENCE',
    share: (age) => (age >= 18 && age <= 70 ? 0.35 : 0),
    issue: (r, age, rng, asOf) => {
      const issueDate = shift(asOf, -rng.uniform(10, 5.8 * YEAR_DAYS));
      const firstIssued = shift(r.dateOfBirth, rng.uniform(18, Math.max(18.5, age - 0.5)) * YEAR_DAYS);
      return {
        issueDate,
        fields: {
          vehicleClass: rng.weighted(VEHICLE_CLASSES),
          firstIssueDate: firstIssued < issueDate ? firstIssued : issueDate,
          fileNumber: `${r.community.district.code}${String(r.n).padStart(6, '0')}`,
        },
      };
    },
  },
  {
    typeCode: 'LIBRARY_CARD',
    share: () => 0.08,
    issue: (_r, age, rng, asOf) => ({
      issueDate: shift(asOf, -rng.uniform(10, 4.8 * YEAR_DAYS)),
      fields: {
        readerCategory: age >= 60 ? '老年读者' : '普通读者',
        borrowingLimit: 10,
        depositWaived: age >= 60,
      },
    }),
  },
];

/** Every resident's wallet, as the licences domain will issue it (`loadLicences`). */
export function generateWallets(options: CityOptions, residents: readonly Resident[]): BulkLicence[] {
  const rng = Rng.of(options.seed, 'licences');
  const licences: BulkLicence[] = [];
  for (const resident of residents) {
    const age = ageOn(resident.dateOfBirth, options.asOf);
    const holder = {
      name: resident.name,
      idType: 'RESIDENT_ID_CARD',
      idNumber: resident.idNumber,
      dateOfBirth: resident.dateOfBirth,
    };
    for (const rule of WALLET) {
      if (!rng.chance(rule.share(age))) continue;
      const { issueDate, fields } = rule.issue(resident, age, rng, options.asOf);
      licences.push({
        id: syntheticId(options.seed, `licence-${rule.typeCode}`, resident.n),
        typeCode: rule.typeCode,
        holderPersonId: resident.personId,
        holder,
        fields,
        // Never before the holder was born (a 户口簿 entry of a newborn is the earliest).
        issueDate: issueDate < resident.dateOfBirth ? resident.dateOfBirth : issueDate,
      });
    }
  }
  return licences;
}

/** Licence id by type code, per person: which licences an applicant can use (零材料). */
export function walletsByPerson(licences: readonly BulkLicence[]): Map<string, Record<string, string>> {
  const wallets = new Map<string, Record<string, string>>();
  for (const licence of licences) {
    const wallet = wallets.get(licence.holderPersonId) ?? {};
    wallet[licence.typeCode] = licence.id;
    wallets.set(licence.holderPersonId, wallet);
  }
  return wallets;
}
