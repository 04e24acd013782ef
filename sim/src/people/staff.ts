import type { CitySeed, DepartmentSeed } from '@bianmin/catalog/synthetic';
import { communitiesOf } from '../geography.js';
import { asOfInstant, type CityOptions } from '../options.js';
import { Rng, syntheticId } from '../random.js';
import type { IdNumberOffice } from './id-numbers.js';
import { syntheticPerson, type SyntheticPerson } from './person.js';

/** A member of a department's staff, with TOTP enrolled (staff must pass it at every sign-in). */
export interface StaffMember extends SyntheticPerson {
  n: number;
  departmentCode: string;
  /** Identity's staff roles. */
  roles: string[];
  /** Base32, as an authenticator app takes it. */
  totpSecret: string;
}

/** Staff phones: 199 01 and the member's number, 19901000001 for the first. */
export const staffPhone = (n: number) => `19901${String(n).padStart(6, '0')}`;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (20 bytes → 32 characters), as TOTP secrets are written. */
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/**
 * The roles of a department's k-th member: two supervisors (who also handle cases), one catalog
 * editor, the rest department staff who handle applications.
 */
function rolesOf(k: number): string[] {
  if (k < 2) return ['department-staff', 'supervisor'];
  if (k === 2) return ['catalog-editor'];
  return ['department-staff'];
}

/** `options.staffPerDepartment` members for each department, living anywhere in the city. */
export function generateStaff(
  options: CityOptions,
  city: CitySeed,
  departments: readonly DepartmentSeed[],
  office: IdNumberOffice,
): StaffMember[] {
  const rng = Rng.of(options.seed, 'staff');
  const communities = communitiesOf(city);
  const asOf = asOfInstant(options).getTime();
  const staff: StaffMember[] = [];
  for (const department of departments) {
    for (let k = 0; k < options.staffPerDepartment; k++) {
      const n = staff.length + 1;
      const person = syntheticPerson(rng, {
        personId: syntheticId(options.seed, 'staff-person', n),
        accountId: syntheticId(options.seed, 'staff-account', n),
        phone: staffPhone(n),
        community: rng.pick(communities),
        city: city.name,
        asOf: options.asOf,
        ages: [24, 58],
        createdAt: new Date(Math.round(asOf - rng.uniform(365, 10 * 365) * 86_400_000)),
        office,
      });
      staff.push({
        ...person,
        n,
        departmentCode: department.code,
        roles: rolesOf(k),
        totpSecret: base32(rng.bytes(20)),
      });
    }
  }
  return staff;
}
