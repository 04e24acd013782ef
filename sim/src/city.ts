import { createHash } from 'node:crypto';
import type { ApplicationPlan } from '@bianmin/affairs/bulk';
import type { CitySeed } from '@bianmin/catalog/synthetic';
import type { BulkLicence } from '@bianmin/licences/bulk';
import { planCityApplications } from './applications.js';
import { generateCatalogPart, planItemsOf, type CatalogPart } from './catalog.js';
import { generateGeography } from './geography.js';
import { generateWallets, walletsByPerson } from './licences.js';
import { cityOptions, type CityOptions } from './options.js';
import { IdNumberOffice } from './people/id-numbers.js';
import { generateResidents, type Resident } from './people/residents.js';
import { generateStaff, type StaffMember } from './people/staff.js';

/** Everything the city is made of, before any of it is loaded. */
export interface City {
  options: CityOptions;
  geography: CitySeed;
  catalog: CatalogPart;
  staff: StaffMember[];
  residents: Resident[];
  licences: BulkLicence[];
  applications: ApplicationPlan[];
}

/**
 * The city of `options`, in memory: deterministic (the same options give the same city, byte for
 * byte — see `cityDigest`), and pure (no database, no clock). Staff come before residents so that
 * the number of residents changes nobody's ID number but the residents'.
 */
export function generateCity(partial: Partial<CityOptions> & { seed: number; residents: number }): City {
  const options = cityOptions(partial);
  const geography = generateGeography(options.seed);
  const catalog = generateCatalogPart(options, geography);
  const office = new IdNumberOffice();
  const staff = generateStaff(options, geography, catalog.departments, office);
  const residents = generateResidents(options, geography, office);
  const licences = generateWallets(options, residents);
  const applications = planCityApplications(
    options,
    residents,
    staff,
    planItemsOf(catalog),
    walletsByPerson(licences),
  );
  return { options, geography, catalog, staff, residents, licences, applications };
}

/** SHA-256 of the whole city as JSON, one part and one row at a time (a 100,000-resident city is large). */
export function cityDigest(city: City): string {
  const hash = createHash('sha256');
  for (const [part, value] of Object.entries(city)) {
    hash.update(`\n${part}:`);
    for (const row of Array.isArray(value) ? value : [value]) hash.update(JSON.stringify(row)).update('\n');
  }
  return hash.digest('hex');
}
