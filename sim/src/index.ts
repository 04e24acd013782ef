/**
 * `@bianmin/sim`: a seeded, deterministic synthetic city for 云湖市 — geography, residents,
 * staff, services, licences and a history of applications — generated in memory and loaded
 * through each domain's own bulk path. See README.md.
 */
export { loadCity, type LoadCityOptions, type LoadedCity } from './load/load-city.js';
export { timingTable, type PartTiming } from './load/timings.js';
export { generateCity, cityDigest, type City } from './city.js';
export {
  cityFacts,
  describeCity,
  RESIDENT_PASSWORD,
  STAFF_PASSWORD,
  type CityFacts,
  type ResidentLogin,
  type StaffLogin,
} from './facts.js';
export { DEFAULT_CITY, cityOptions, type CityOptions } from './options.js';
export { residentPhone } from './people/residents.js';
export { staffPhone } from './people/staff.js';
export { SYNTHETIC_MARK } from './people/person.js';
