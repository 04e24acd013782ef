import { analyzeAfterBulkLoad, insertInBatches } from '@bianmin/kit';
/**
 * Identity's bulk path: many people with their accounts at once — residents as sign-up makes
 * them, staff as an administrator's account with TOTP already enrolled — and the case files that
 * an imported history of applications implies. The rows are the ones identity's own operations
 * write (ID numbers checked and normalised, the date of birth taken from them, argon2id hashes,
 * TOTP secrets sealed to their account, sign-up's consents), in INSERTs of 1,000 rows with one
 * transaction per batch. Used by `@bianmin/sim` for a synthetic city.
 */
import type { Orm } from '@bianmin/kit';
import { Account } from '../modules/account/account.entity.js';
import { newAccount } from '../modules/account/new-account.js';
import { normalizePhone } from '../modules/account/login.js';
import { caseFileOf, type ApplicationStep } from '../modules/case-file/case-file.consumer.js';
import { CaseFile } from '../modules/case-file/case-file.entity.js';
import { ConsentRecord } from '../modules/consent/consent-record.entity.js';
import { consentRows, CURRENT_POLICY_VERSION, SIGN_UP_CONSENTS } from '../modules/consent/consent.service.js';
import { createPasswordHasher, type PasswordHasher } from '../modules/password/password-hasher.js';
import { checkPassword } from '../modules/password/password-policy.js';
import { validateResidentIdNumber } from '../modules/person/id-number.js';
import { Person } from '../modules/person/person.entity.js';
import type { SecretBox } from '../modules/totp/secret-box.js';

export { checkCharacter, validateResidentIdNumber } from '../modules/person/id-number.js';
export type { ApplicationStep } from '../modules/case-file/case-file.consumer.js';

/** People per transaction. */
export const BATCH = 1000;
/**
 * Rows per INSERT, for statements of roughly 100 KB: PostgreSQL parses a statement of several
 * hundred KB far more slowly than a few small ones (SQLite does not mind either way).
 */
const ROWS_PER_INSERT = 250;

/** One person holding a 居民身份证, with their account. */
export interface BulkPerson {
  personId: string;
  accountId: string;
  name: string;
  /** 18-character resident ID number; checked like sign-up checks it. */
  idNumber: string;
  phone: string;
  address: string | null;
  /** The 14-digit community code of the four-level location. */
  communityCode: string | null;
  roles: string[];
  /** Department (organization code) of staff accounts. */
  departmentCode: string | null;
  /** Base32 TOTP secret, already enrolled (staff); sealed here as enrolment seals it. */
  totpSecret: string | null;
  /** When the person registered (residents) or was given an account (staff). */
  createdAt: Date;
}

export interface LoadPeopleOptions {
  /**
   * The password every one of these accounts signs in with. It is hashed once and the hash
   * shared: argon2id takes ~40 ms a hash by design, 100,000 of them over an hour.
   */
  password: string;
  /** The box the identity service opens TOTP secrets with (`loadSecretBox` over its DATA_DIR). */
  secretBox: SecretBox;
  hasher?: PasswordHasher;
  /** ID numbers are checked against this day (a birth date may not be later); today by default. */
  today?: Date;
}

export interface LoadedPeople {
  people: number;
  accounts: number;
  consents: number;
}

/** The rows of one person: the person, the account and, for a resident, sign-up's consents. */
function rowsOf(person: BulkPerson, passwordHash: string, options: LoadPeopleOptions) {
  const id = validateResidentIdNumber(person.idNumber, options.today);
  if (!id.ok) throw new Error(`ID number of person ${person.personId} is not valid: ${id.problem}`);
  const phone = normalizePhone(person.phone);
  if (!phone) throw new Error(`phone of person ${person.personId} is not a mainland mobile number`);
  const at = person.createdAt;
  const account = newAccount({
    id: person.accountId,
    username: null,
    phone,
    passwordHash,
    roles: person.roles,
    departmentCode: person.departmentCode,
    personId: person.personId,
    at,
    totpSecret: person.totpSecret ? options.secretBox.seal(person.totpSecret, person.accountId) : null,
  });
  const who = { accountId: person.accountId, personId: person.personId };
  return {
    person: {
      id: person.personId,
      name: person.name,
      idType: 'RESIDENT_ID_CARD',
      idNumber: id.idNumber,
      phone,
      address: person.address,
      dateOfBirth: id.dateOfBirth,
      communityCode: person.communityCode,
      createdAt: at,
      updatedAt: at,
      anonymisedAt: null,
    } satisfies Person,
    account,
    // Residents agreed to the terms by signing up; staff accounts are made by an administrator.
    consents: person.roles.includes('resident')
      ? consentRows(who, SIGN_UP_CONSENTS, CURRENT_POLICY_VERSION, 'bulk-import', at)
      : [],
  };
}

/**
 * Insert people and their accounts, 1,000 to a transaction. Phones, ID numbers and account ids
 * must be new: the unique indexes refuse a batch that repeats one, and nothing of it is written.
 */
export async function loadPeople(
  orm: Orm,
  people: BulkPerson[],
  options: LoadPeopleOptions,
): Promise<LoadedPeople> {
  const problem = checkPassword(options.password);
  if (problem) throw new Error(`the shared password does not meet the password policy: ${problem}`);
  const passwordHash = await (options.hasher ?? createPasswordHasher()).hash(options.password);
  const em = orm.em.fork();
  const loaded: LoadedPeople = { people: 0, accounts: 0, consents: 0 };
  for (let i = 0; i < people.length; i += BATCH) {
    const rows = people.slice(i, i + BATCH).map((p) => rowsOf(p, passwordHash, options));
    const consents = rows.flatMap((r) => r.consents);
    await em.transactional(async (tx) => {
      await insertInBatches(
        tx,
        Person,
        rows.map((r) => r.person),
        ROWS_PER_INSERT,
      );
      await insertInBatches(
        tx,
        Account,
        rows.map((r) => r.account),
        ROWS_PER_INSERT,
      );
      await insertInBatches(tx, ConsentRecord, consents, ROWS_PER_INSERT);
    });
    loaded.people += rows.length;
    loaded.accounts += rows.length;
    loaded.consents += consents.length;
  }
  await analyzeAfterBulkLoad(orm, ['Person', 'Account', 'ConsentRecord']);
  return loaded;
}

/** Whether an account signs in with `phone` (a loader's check that it has not run here before). */
export async function accountExists(orm: Orm, phone: string): Promise<boolean> {
  return (await orm.em.fork().count(Account, { phone })) > 0;
}

/**
 * The case files an imported history of applications implies: for each application, its newest
 * announced step, exactly as the case-file consumer would have applied it from affairs' events.
 */
export async function loadCaseFiles(orm: Orm, steps: ApplicationStep[]): Promise<number> {
  const em = orm.em.fork();
  for (let i = 0; i < steps.length; i += BATCH)
    await em.transactional((tx) =>
      insertInBatches(tx, CaseFile, steps.slice(i, i + BATCH).map(caseFileOf), ROWS_PER_INSERT),
    );
  await analyzeAfterBulkLoad(orm, ['CaseFile']);
  return steps.length;
}
