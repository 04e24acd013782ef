import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger, Orm } from '@bianmin/kit';
import { newAccount } from '../../modules/account/new-account.js';
import { Account } from '../../modules/account/account.entity.js';
import { Organization, type OrganizationKind } from '../../modules/organization/organization.entity.js';
import { createPasswordHasher, type PasswordHasher } from '../../modules/password/password-hasher.js';
import { Person } from '../../modules/person/person.entity.js';
import { validateResidentIdNumber } from '../../modules/person/id-number.js';
import type { SecretBox } from '../../modules/totp/secret-box.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

interface OrganizationSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: OrganizationKind;
  regionCode: string;
}

const organizations = (): OrganizationSeed[] =>
  JSON.parse(
    readFileSync(new URL('./data/organizations.json', import.meta.url), 'utf8'),
  ) as OrganizationSeed[];

/** Stable ids from codes, so the demo data has the same ids everywhere (as in the catalog). */
export function stableId(kind: string, code: string): string {
  const h = createHash('sha256').update(`bianmin:${kind}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A demo account as other domains' demo data refer to it (ids are stable across installs). */
export interface DemoIdentity {
  username: string;
  name: string;
  accountId: string;
  personId: string;
  roles: string[];
  departmentCode: string | null;
}

/**
 * The demo accounts' ids, for the composition root (scripts/platform.ts) to seed other domains'
 * demo data with: the ids are derived from the phone and ID number, so they are the same on
 * every machine and need no lookup.
 */
export function demoIdentities(): DemoIdentity[] {
  return DEMO_ACCOUNTS.map((demo) => ({
    username: demo.username,
    name: demo.person.name,
    accountId: stableId('account', demo.phone),
    personId: stableId('person', demo.person.idNumber),
    roles: demo.roles,
    departmentCode: demo.departmentCode,
  }));
}

export interface SeedIdentityOptions {
  /** Seals the demo staff's TOTP secrets (the same box the server opens them with). */
  secretBox: SecretBox;
  /** Also create the demo people and accounts (never in production). Default true. */
  demoAccounts?: boolean;
  hasher?: PasswordHasher;
  log?: Logger;
}

/**
 * Idempotent: adds the organizations and (optionally) demo accounts that are missing and leaves
 * everything else alone, so it can run on every start.
 */
export async function seedIdentity(orm: Orm, options: SeedIdentityOptions): Promise<void> {
  const em = orm.em.fork();
  const known = new Set((await em.find(Organization, {})).map((o) => o.code));
  const missingOrganizations = organizations().filter((o) => !known.has(o.code));
  if (missingOrganizations.length) await em.insertMany(Organization, missingOrganizations);

  let created = 0;
  if (options.demoAccounts ?? true) {
    const hasher = options.hasher ?? createPasswordHasher();
    const existing = new Set(
      (await em.find(Account, { phone: { $in: DEMO_ACCOUNTS.map((d) => d.phone) } })).map((a) => a.phone),
    );
    for (const demo of DEMO_ACCOUNTS.filter((d) => !existing.has(d.phone))) {
      const id = validateResidentIdNumber(demo.person.idNumber);
      if (!id.ok) throw new Error(`demo ID number of ${demo.username} is not valid: ${id.problem}`);
      const at = new Date();
      const personId = stableId('person', demo.person.idNumber);
      const accountId = stableId('account', demo.phone);
      const passwordHash = await hasher.hash(demo.password);
      await em.transactional(async (tx) => {
        if (!(await tx.findOne(Person, { idType: 'RESIDENT_ID_CARD', idNumber: id.idNumber }))) {
          await tx.insert(Person, {
            id: personId,
            name: demo.person.name,
            idType: 'RESIDENT_ID_CARD',
            idNumber: id.idNumber,
            phone: demo.phone,
            address: demo.person.address,
            dateOfBirth: id.dateOfBirth,
            communityCode: demo.person.communityCode,
            createdAt: at,
            updatedAt: at,
            anonymisedAt: null,
          });
        }
        await tx.insert(
          Account,
          newAccount({
            id: accountId,
            username: demo.username,
            phone: demo.phone,
            passwordHash,
            roles: demo.roles,
            departmentCode: demo.departmentCode,
            personId,
            at,
            totpSecret: demo.totpSecret ? options.secretBox.seal(demo.totpSecret, accountId) : null,
          }),
        );
      });
      created++;
    }
  }
  options.log?.info(
    { organizations: missingOrganizations.length, demoAccounts: created },
    'identity seed data checked',
  );
}
