import type { CommunityPlace } from '../geography.js';
import type { Rng } from '../random.js';
import type { IdNumberOffice } from './id-numbers.js';
import { personName, type Sex } from './names.js';

/** What every synthetic person has, resident or member of staff. */
export interface SyntheticPerson {
  personId: string;
  accountId: string;
  name: string;
  sex: Sex;
  ethnicity: string;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
  idNumber: string;
  /** 11 digits: 19900… for residents, 19901… for staff. */
  phone: string;
  community: CommunityPlace;
  /** Ends with （模拟）: the mark of a synthetic address. */
  address: string;
  /** When the account was made. */
  createdAt: Date;
}

/** Appended to every synthetic address, so a revealed address says what it is. */
export const SYNTHETIC_MARK = '（模拟）';

const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉', 920],
  ...(['回', '满', '壮', '畲', '土家', '苗', '蒙古', '朝鲜'].map((e) => [e, 10]) as [string, number][]),
];

const DAY_MS = 86_400_000;

/** A birth date for someone aged `minAge`–`maxAge` on `asOf` (`YYYY-MM-DD`). */
export function birthDate(rng: Rng, asOf: string, minAge: number, maxAge: number): string {
  const day = Date.parse(`${asOf}T00:00:00Z`);
  const youngest = day - minAge * 365.25 * DAY_MS;
  const oldest = day - (maxAge + 1) * 365.25 * DAY_MS + DAY_MS;
  return new Date(rng.uniform(oldest, youngest)).toISOString().slice(0, 10);
}

export function addressIn(rng: Rng, city: string, community: CommunityPlace): string {
  const building = rng.int(1, 36);
  const room = `${rng.int(1, 18)}0${rng.int(1, 4)}`;
  return `${city}${community.district.name}${community.street.name}${community.name}${building}幢${room}室${SYNTHETIC_MARK}`;
}

/**
 * One person: sex, a name, an age in `ages` (inclusive), an ID number issued in their district,
 * an address in `community`.
 */
export function syntheticPerson(
  rng: Rng,
  fields: {
    personId: string;
    accountId: string;
    phone: string;
    community: CommunityPlace;
    city: string;
    asOf: string;
    ages: [number, number];
    createdAt: Date;
    office: IdNumberOffice;
  },
): SyntheticPerson {
  const sex: Sex = rng.chance(0.49) ? '男' : '女';
  const dateOfBirth = birthDate(rng, fields.asOf, fields.ages[0], fields.ages[1]);
  return {
    personId: fields.personId,
    accountId: fields.accountId,
    name: personName(rng, sex),
    sex,
    ethnicity: rng.weighted(ETHNICITIES),
    dateOfBirth,
    idNumber: fields.office.issue(fields.community.district.code, dateOfBirth, sex, rng),
    phone: fields.phone,
    community: fields.community,
    address: addressIn(rng, fields.city, fields.community),
    createdAt: fields.createdAt,
  };
}
