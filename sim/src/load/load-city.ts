import { resolve } from 'node:path';
import type { Logger } from '@bianmin/kit';
import { fetchItemTerms, graphQLCatalogDirectory, loadApplications } from '@bianmin/affairs/bulk';
import { loadRegions, loadServiceItems, loadServicePoints, stableId } from '@bianmin/catalog/bulk';
import { accountExists, loadCaseFiles, loadPeople, type BulkPerson } from '@bianmin/identity/bulk';
import { loadLicences } from '@bianmin/licences/bulk';
import { generateCity } from '../city.js';
import { cityFacts, RESIDENT_PASSWORD, STAFF_PASSWORD, type CityFacts } from '../facts.js';
import { asOfInstant, cityOptions, type CityOptions } from '../options.js';
import { residentPhone } from '../people/residents.js';
import type { SyntheticPerson } from '../people/person.js';
import { openCityDatabases, type CityDatabases } from './databases.js';
import { count, Timings, type PartTiming } from './timings.js';

export interface LoadCityOptions extends Partial<CityOptions> {
  seed: number;
  residents: number;
  /** SQLite files, as the services name them under DATA_DIR, and the key files; `.data` by default. */
  dataDir?: string;
  /** PostgreSQL instead of SQLite: a schema per domain in this database (keys stay in `dataDir`). */
  databaseUrl?: string;
  /** The licences service's PUBLIC_URL (its default, http://localhost:4004, unless set). */
  licencesPublicUrl?: string;
  /** Progress, a line at a time: a function, or a logger (kit's) that gets them at info. */
  log?: ((line: string) => void) | Pick<Logger, 'info'>;
}

export interface LoadedCity {
  timings: PartTiming[];
  /** Rows written, by what they are. */
  counts: Record<string, number>;
  facts: CityFacts;
}

/** A person as identity's bulk path takes them. */
const bulkPerson = (
  p: SyntheticPerson,
  roles: string[],
  department: string | null,
  totp: string | null,
): BulkPerson => ({
  personId: p.personId,
  accountId: p.accountId,
  name: p.name,
  idNumber: p.idNumber,
  phone: p.phone,
  address: p.address,
  communityCode: p.community.code,
  roles,
  departmentCode: department,
  totpSecret: totp,
  createdAt: p.createdAt,
});

async function refuseIfLoaded(db: CityDatabases) {
  if (await accountExists(db.identity, residentPhone(1)))
    throw new Error(
      `a synthetic city is already loaded here (resident ${residentPhone(1)} exists): start from an empty data directory or database`,
    );
}

/**
 * Generate the city of `options` and load it, part by part, through each domain's own bulk path
 * into the databases the services use (`dataDir`, or `databaseUrl` with a schema per domain).
 * The services' reference data is loaded first when missing. Returns how long each part took,
 * how many rows it wrote, and the facts a benchmark needs to use the city.
 */
export async function loadCity(options: LoadCityOptions): Promise<LoadedCity> {
  const given = options.log;
  const log = typeof given === 'function' ? given : (line: string) => given?.info(line);
  const checked = cityOptions(options);
  const timings = new Timings(log);
  const dataDir = resolve(options.dataDir ?? '.data');
  const db = await timings.time('setup', () =>
    openCityDatabases({
      dataDir,
      databaseUrl: options.databaseUrl,
      licencesPublicUrl: options.licencesPublicUrl ?? 'http://localhost:4004',
    }),
  );
  const counts: Record<string, number> = {};
  try {
    await refuseIfLoaded(db);
    const city = await timings.time('generate', () => generateCity(checked));
    const now = asOfInstant(city.options);

    counts.regions = await timings.time(
      'geography',
      () => loadRegions(db.catalog.orm, city.geography),
      (n) => `${count(n)} regions`,
    );
    const people = await timings.time(
      'residents',
      () =>
        loadPeople(
          db.identity,
          city.residents.map((r) => bulkPerson(r, ['resident'], null, null)),
          { password: RESIDENT_PASSWORD, secretBox: db.secretBox },
        ),
      (r) => `${count(r.people)} people, ${count(r.accounts)} accounts, ${count(r.consents)} consents`,
    );
    counts.residents = people.people;
    counts.consents = people.consents;
    counts.staff = (
      await timings.time(
        'staff',
        () =>
          loadPeople(
            db.identity,
            city.staff.map((s) => bulkPerson(s, s.roles, s.departmentCode, s.totpSecret)),
            { password: STAFF_PASSWORD, secretBox: db.secretBox },
          ),
        (r) => `${count(r.accounts)} accounts with TOTP`,
      )
    ).accounts;
    const items = await timings.time(
      'catalog',
      () => loadServiceItems(db.catalog.orm, city.catalog.items, now),
      (r) => `${count(r.items)} items, ${count(r.searchTerms)} index rows, ${count(r.links)} point links`,
    );
    counts.items = items.items;
    counts.searchTerms = items.searchTerms;
    const points = await timings.time(
      'points',
      () => loadServicePoints(db.catalog.orm, city.catalog.points, city.geography.code),
      (r) => `${count(r.points)} points, ${count(r.links)} item links`,
    );
    counts.points = points.points;
    counts.pointLinks = items.links + points.links;
    counts.licences = await timings.time(
      'licences',
      () => loadLicences(db.licences.orm, db.licences.services, city.licences),
      (n) => `${count(n)} signed licences`,
    );
    const applications = await timings.time(
      'applications',
      async () => {
        const catalog = graphQLCatalogDirectory((query, variables) => db.catalog.execute(query, variables));
        // The catalog's ids are derived from the codes (`stableId`), as the demo data's are.
        const ids = [...new Set(city.applications.map((p) => p.itemCode))].map((code) =>
          stableId('item', code),
        );
        const terms = await fetchItemTerms(catalog, ids);
        const loaded = await loadApplications(db.affairs, { plans: city.applications, terms, now });
        return { ...loaded, caseFiles: await loadCaseFiles(db.identity, loaded.announced) };
      },
      (r) =>
        `${count(r.applications)} applications, ${count(r.events)} steps, ${count(r.notifications)} notifications, ${count(r.caseFiles)} case files`,
    );
    counts.applications = applications.applications;
    counts.applicationSteps = applications.events;
    counts.notifications = applications.notifications;
    counts.caseFiles = applications.caseFiles;
    return { timings: timings.all(), counts, facts: cityFacts(city) };
  } finally {
    await db.close();
  }
}
