import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Driver, Identity } from '@bianmin/kit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import { createCatalogOrm, createCatalogSubgraph, seedCatalog, type CatalogSubgraph } from '@bianmin/catalog';
import type { ApplicantDirectory, ApplicantFacts } from '../src/modules/directories/applicant-directory.js';
import type { Colleague, ColleagueDirectory } from '../src/modules/directories/colleague-directory.js';
import type { HeldLicence } from '../src/modules/directories/licence-directory.js';
import {
  createAffairsOrm,
  createAffairsSubgraph,
  graphQLCatalogDirectory,
  interimLicenceDirectory,
  seedAffairs,
  type AffairsSubgraph,
} from '../src/server.js';

export const drivers = testDrivers();

/** A clock tests move by hand (ms since epoch). Starts on Monday 2026-11-30, 09:00 in China. */
export function testClock(start = Date.parse('2026-11-30T09:00:00+08:00')) {
  let now = start;
  return {
    now: () => now,
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advanceDays: (days: number) => {
      now += days * 86_400_000;
    },
  };
}

export const RESIDENT: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a1',
  personId: '00000000-0000-4000-8000-0000000000b1',
  roles: ['resident'],
  sessionId: 's-resident',
};
export const OTHER_RESIDENT: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a2',
  personId: '00000000-0000-4000-8000-0000000000b2',
  roles: ['resident'],
};
export const MZ_STAFF: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a3',
  personId: '00000000-0000-4000-8000-0000000000b3',
  roles: ['department-staff'],
  department: 'MZ',
  mfa: true,
};
export const MZ_STAFF_2: Identity = { ...MZ_STAFF, accountId: '00000000-0000-4000-8000-0000000000a6' };
/** An MZ member of staff whose account has been disabled. */
export const MZ_STAFF_LEFT: Identity = { ...MZ_STAFF, accountId: '00000000-0000-4000-8000-0000000000a7' };
export const MZ_SUPERVISOR: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a4',
  personId: '00000000-0000-4000-8000-0000000000b4',
  roles: ['department-staff', 'supervisor'],
  department: 'MZ',
  mfa: true,
};
export const GA_STAFF: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a5',
  personId: '00000000-0000-4000-8000-0000000000b5',
  roles: ['department-staff'],
  department: 'GA',
  mfa: true,
};

/**
 * The applicant facts identity would return, per person; `down` makes it answer UNAVAILABLE.
 * (test/identity-directories.test.ts runs the HTTP directory against a real identity subgraph.)
 */
export function applicantFacts(facts: Record<string, ApplicantFacts>) {
  const state = { down: false, facts };
  const directory: ApplicantDirectory = {
    async factsOf(viewer) {
      if (state.down) return { ok: false, reason: 'UNAVAILABLE' };
      const found = viewer.personId ? state.facts[viewer.personId] : undefined;
      return { ok: true, facts: found ?? { birthDate: null, regionCode: null } };
    },
  };
  return { state, directory };
}

/**
 * The department colleagues identity would list, per department; `down` makes it answer
 * UNAVAILABLE. (test/identity-directories.test.ts runs the HTTP directories against real identity.)
 */
export function colleagueList(byDepartment: Record<string, Colleague[]>) {
  const state = { down: false, byDepartment };
  const directory: ColleagueDirectory = {
    async colleaguesOf(viewer) {
      if (state.down) return { ok: false, reason: 'UNAVAILABLE' };
      return { ok: true, colleagues: viewer.department ? (state.byDepartment[viewer.department] ?? []) : [] };
    },
  };
  return { state, directory };
}

const colleague = (who: Identity, active = true): Colleague => ({
  accountId: who.accountId!,
  roles: who.roles,
  active,
});

export interface AffairsFixture {
  affairs: AffairsSubgraph;
  catalog: CatalogSubgraph;
  clock: ReturnType<typeof testClock>;
  applicants: ReturnType<typeof applicantFacts>;
  colleagues: ReturnType<typeof colleagueList>;
  /** Extra licences per person id (besides the interim 居民身份证). */
  licences: Record<string, HeldLicence[]>;
  catalogDown: { value: boolean };
}

/**
 * Affairs on a fresh database of `driver` (real migrations, demo configuration), talking to a
 * real catalog subgraph (on its own fresh database, demo data loaded) in process.
 */
export function useAffairs(driver: Driver): AffairsFixture {
  const fx = {
    clock: testClock(),
    applicants: applicantFacts({
      [RESIDENT.personId!]: { birthDate: '1956-03-02', regionCode: '33990101001001' },
    }),
    colleagues: colleagueList({
      MZ: [
        colleague(MZ_STAFF),
        colleague(MZ_STAFF_2),
        colleague(MZ_SUPERVISOR),
        colleague(MZ_STAFF_LEFT, false),
      ],
      GA: [colleague(GA_STAFF)],
    }),
    licences: {},
    catalogDown: { value: false },
  } as unknown as AffairsFixture;
  let dbs: TestDatabase[] = [];
  beforeAll(async () => {
    dbs = [await createTestDatabase(driver), await createTestDatabase(driver)];
    const catalogOrm = await createCatalogOrm({
      databaseUrl: dbs[0]!.databaseUrl,
      sqliteFile: dbs[0]!.sqliteFile,
    });
    await seedCatalog(catalogOrm);
    fx.catalog = createCatalogSubgraph({ orm: catalogOrm });
    const orm = await createAffairsOrm({ databaseUrl: dbs[1]!.databaseUrl, sqliteFile: dbs[1]!.sqliteFile });
    await seedAffairs(orm, { demo: true });
    fx.affairs = createAffairsSubgraph({
      orm,
      now: fx.clock.now,
      catalog: graphQLCatalogDirectory(async (query, variables) => {
        if (fx.catalogDown.value) throw new Error('catalog is down');
        return fx.catalog.execute(query, variables);
      }),
      applicants: fx.applicants.directory,
      colleagues: fx.colleagues.directory,
      licences: interimLicenceDirectory((personId) => fx.licences[personId] ?? []),
      dataDir: join(tmpdir(), `bianmin-affairs-test-${randomUUID()}`),
    });
  }, 120_000);
  afterAll(async () => {
    await fx.affairs?.stop(1000);
    await fx.catalog?.stop(1000);
    for (const db of dbs) await db.drop();
  });
  return fx;
}

/** Run an operation as `viewer` and fail the test on any GraphQL error. */
export async function data<T>(
  fx: AffairsFixture,
  source: string,
  variables: Record<string, unknown>,
  viewer: Identity,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<T> {
  const result = await fx.affairs.execute<T>(source, variables, viewer, locale);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}
