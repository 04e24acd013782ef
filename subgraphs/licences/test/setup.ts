import { afterAll, beforeAll } from 'vitest';
import { createLogger, type Driver, type Identity } from '@bianmin/kit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import {
  createLicencesOrm,
  createLicencesSubgraph,
  staticGranteeDirectory,
  memoryKeyRing,
  seedLicences,
  staticHolderDirectory,
  type Holder,
  type LicencesDeps,
  type LicencesSubgraph,
} from '../src/server.js';

export const drivers = testDrivers();

/** A clock tests move by hand (ms). Starts on Monday 2026-11-30, 09:00 in China. */
export function testClock(start = Date.parse('2026-11-30T09:00:00+08:00')) {
  let now = start;
  return {
    now: () => now,
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advance: (ms: number) => {
      now += ms;
    },
    advanceDays: (days: number) => {
      now += days * 86_400_000;
    },
  };
}

export const PUBLIC_URL = 'http://licences.test';
export const ISSUER_DID = 'did:web:licences.test';

/** 张小民, born 1990. */
export const RESIDENT: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a1',
  personId: '00000000-0000-4000-8000-0000000000b1',
  roles: ['resident'],
};
export const OTHER_RESIDENT: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a2',
  personId: '00000000-0000-4000-8000-0000000000b2',
  roles: ['resident'],
};
/** 王秀英, born 1955. */
export const SENIOR: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a6',
  personId: '00000000-0000-4000-8000-0000000000b6',
  roles: ['resident'],
};
/** 公安局 licence issuer. */
export const GA_ISSUER: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a3',
  personId: '00000000-0000-4000-8000-0000000000b3',
  roles: ['department-staff', 'licence-issuer'],
  department: 'GA',
  mfa: true,
};
/** 民政局 licence issuer. */
export const MZ_ISSUER: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a4',
  personId: '00000000-0000-4000-8000-0000000000b4',
  roles: ['department-staff', 'licence-issuer'],
  department: 'MZ',
  mfa: true,
};
/** 民政局 staff without the issuer role. */
export const MZ_STAFF: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a5',
  personId: '00000000-0000-4000-8000-0000000000b5',
  roles: ['department-staff'],
  department: 'MZ',
  mfa: true,
};
export const ADMIN: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a7',
  roles: ['administrator'],
  mfa: true,
};
/** A partner API client (client-credentials token) holding the sharing scope. */
export const PARTNER: Identity = {
  accountId: null,
  clientId: 'pc_bankOfYunhu0001',
  roles: ['partner-client'],
  scopes: ['licences:shared'],
};
export const OTHER_PARTNER: Identity = { ...PARTNER, clientId: 'pc_someoneElse0002' };

export const HOLDERS: Record<string, Holder> = {
  [RESIDENT.personId!]: {
    name: '张小民',
    idType: 'RESIDENT_ID_CARD',
    idNumber: '339901199003071236',
    dateOfBirth: '1990-03-07',
  },
  [OTHER_RESIDENT.personId!]: {
    name: '李四',
    idType: 'RESIDENT_ID_CARD',
    idNumber: '339902198805124514',
    dateOfBirth: '1988-05-12',
  },
  [SENIOR.personId!]: {
    name: '王秀英',
    idType: 'RESIDENT_ID_CARD',
    idNumber: '339901195504186781',
    dateOfBirth: '1955-04-18',
  },
};

export interface LicencesFixture {
  licences: LicencesSubgraph;
  clock: ReturnType<typeof testClock>;
  holders: ReturnType<typeof staticHolderDirectory>;
  keys: ReturnType<typeof memoryKeyRing>;
  db: TestDatabase;
  services: () => LicencesSubgraph['services'];
}

/** The licences subgraph on a fresh database of `driver` (real migrations, types loaded), in process. */
export function useLicences(
  driver: Driver,
  extra: Partial<LicencesDeps> = {},
  onQuery?: (sql: string) => void,
): LicencesFixture {
  const fx = {
    clock: testClock(),
    holders: staticHolderDirectory({ ...HOLDERS }),
    keys: memoryKeyRing(ISSUER_DID),
    services: () => fx.licences.services,
  } as LicencesFixture;
  beforeAll(async () => {
    fx.db = await createTestDatabase(driver);
    const orm = await createLicencesOrm({
      databaseUrl: fx.db.databaseUrl,
      sqliteFile: fx.db.sqliteFile,
      onQuery,
    });
    await seedLicences(orm);
    fx.licences = createLicencesSubgraph({
      orm,
      now: fx.clock.now,
      keys: fx.keys,
      holders: fx.holders.directory,
      grantees: staticGranteeDirectory(['MZ', 'GA', 'RS', 'WJ', 'GJJ', 'ZJ']),
      publicUrl: PUBLIC_URL,
      log: createLogger('licences', 'error'),
      ...extra,
    });
  }, 120_000);
  afterAll(async () => {
    await fx.licences?.stop(1000);
    await fx.db?.drop();
  });
  return fx;
}

/** Run an operation as `viewer` and fail the test on any GraphQL error. */
export async function data<T>(
  fx: LicencesFixture,
  source: string,
  variables: Record<string, unknown>,
  viewer?: Identity,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<T> {
  const result = await fx.licences.execute<T>(source, variables, viewer, locale);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

export const ISSUE = `mutation ($input: IssueLicenceInput!) {
  issueLicence(input: $input) {
    ok error { code message field }
    licence { id number status typeCode validFrom validUntil credential holderIdNumber issuerCode }
  }
}`;

export interface IssuedLicence {
  id: string;
  number: string;
  status: string;
  typeCode: string;
  validFrom: string;
  validUntil: string | null;
  credential: string | null;
  holderIdNumber: string;
  issuerCode: string;
}

/** Issue a licence as `issuer` and return it (the test fails when it is refused). */
export async function issue(
  fx: LicencesFixture,
  issuer: Identity,
  input: {
    typeCode: string;
    holderPersonId: string;
    fields?: { name: string; value: string }[];
    validFrom?: string;
  },
): Promise<IssuedLicence> {
  const result = await data<{ issueLicence: { ok: boolean; error: unknown; licence: IssuedLicence } }>(
    fx,
    ISSUE,
    { input },
    issuer,
  );
  if (!result.issueLicence.ok) throw new Error(JSON.stringify(result.issueLicence.error));
  return result.issueLicence.licence;
}

/** The holder's copy of the signed credential. */
export async function credentialOf(
  fx: LicencesFixture,
  id: string,
  holder: Identity = RESIDENT,
): Promise<string> {
  const r = await data<{ licence: { credential: string } }>(
    fx,
    `query ($id: ID!) { licence(id: $id) { credential } }`,
    { id },
    holder,
  );
  return r.licence.credential;
}

export const VERIFY = `query ($credential: String!) {
  verifyCredential(credential: $credential) {
    status message issuer expiresAt
    checks { check passed detail }
    licence { typeCode name number holderName holderIdNumber issuerName validFrom validUntil fields { name label value } claims { name value } }
  }
}`;

export interface VerificationResult {
  status: string;
  message: string;
  issuer: string | null;
  expiresAt: string | null;
  checks: { check: string; passed: boolean; detail: string }[];
  licence: {
    typeCode: string | null;
    name: string | null;
    number: string | null;
    holderName: string | null;
    holderIdNumber: string | null;
    issuerName: string | null;
    validFrom: string | null;
    validUntil: string | null;
    fields: { name: string; label: string; value: string }[];
    claims: { name: string; value: string }[];
  } | null;
}

export async function verify(fx: LicencesFixture, credential: string): Promise<VerificationResult> {
  return (await data<{ verifyCredential: VerificationResult }>(fx, VERIFY, { credential })).verifyCredential;
}
