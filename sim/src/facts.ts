import { generateCity, type City } from './city.js';
import { communitiesOf } from './geography.js';

/** Every synthetic resident signs in with this password (hashed once, the hash shared). */
export const RESIDENT_PASSWORD = 'Sim#Resident2026';
/** Every synthetic member of staff signs in with this password, then their own TOTP code. */
export const STAFF_PASSWORD = 'Sim#Staff2026';

export interface ResidentLogin {
  phone: string;
  name: string;
  personId: string;
  accountId: string;
  /** Applications in their history (drafts included). */
  applications: number;
}

export interface StaffLogin {
  departmentCode: string;
  phone: string;
  name: string;
  accountId: string;
  roles: string[];
  /** Base32: `new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate()` (otpauth). */
  totpSecret: string;
}

/** What a benchmark or a test needs to use a loaded city, without reading its databases. */
export interface CityFacts {
  seed: number;
  residents: number;
  asOf: string;
  residentPassword: string;
  /** Residents with at least one application, by their number in the city. */
  residentLogins: ResidentLogin[];
  staffPassword: string;
  /** One supervisor (who also handles cases) per department. */
  staff: StaffLogin[];
  /** The items most applied for, most first. */
  catalogCodes: string[];
  /** Communities spread over the city, with their coordinates. */
  communities: { code: string; name: string; latitude: number; longitude: number }[];
  /** Words residents search the catalog for: keywords of the items most applied for. */
  searchTerms: string[];
}

const SAMPLE = 50;

/** The facts of `city`; pure, so the facts of a city loaded earlier need no loading. */
export function cityFacts(city: City, sample = SAMPLE): CityFacts {
  const perPerson = new Map<string, number>();
  const perItem = new Map<string, number>();
  for (const plan of city.applications) {
    perPerson.set(plan.personId, (perPerson.get(plan.personId) ?? 0) + 1);
    perItem.set(plan.itemCode, (perItem.get(plan.itemCode) ?? 0) + 1);
  }
  const popular = [...perItem].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  const keywords = new Map(city.catalog.demoItems.map((i) => [i.code, i.keywords[0] ?? i.name]));
  const demoPopular = [
    ...popular.filter((code) => keywords.has(code)),
    ...city.catalog.demoItems.map((i) => i.code),
  ];
  const communities = communitiesOf(city.geography);
  const step = Math.max(1, Math.floor(communities.length / 20));
  return {
    seed: city.options.seed,
    residents: city.residents.length,
    asOf: city.options.asOf,
    residentPassword: RESIDENT_PASSWORD,
    residentLogins: city.residents
      .filter((r) => perPerson.has(r.personId))
      .slice(0, sample)
      .map((r) => ({
        phone: r.phone,
        name: r.name,
        personId: r.personId,
        accountId: r.accountId,
        applications: perPerson.get(r.personId)!,
      })),
    staffPassword: STAFF_PASSWORD,
    staff: city.catalog.departments.flatMap((d) => {
      const member = city.staff.find((s) => s.departmentCode === d.code && s.roles.includes('supervisor'));
      return member
        ? [
            {
              departmentCode: d.code,
              phone: member.phone,
              name: member.name,
              accountId: member.accountId,
              roles: member.roles,
              totpSecret: member.totpSecret,
            },
          ]
        : [];
    }),
    catalogCodes: popular.slice(0, 20),
    communities: communities
      .filter((_, i) => i % step === 0)
      .slice(0, 20)
      .map(({ code, name, latitude, longitude }) => ({ code, name, latitude, longitude })),
    searchTerms: [...new Set(demoPopular.map((code) => keywords.get(code)!))].slice(0, 10),
  };
}

/**
 * The facts of the city `loadCity` loads for these options, without loading anything: a city
 * loaded earlier (and kept) is described again in a few seconds.
 */
export function describeCity(options: Parameters<typeof generateCity>[0]): CityFacts {
  return cityFacts(generateCity(options));
}
