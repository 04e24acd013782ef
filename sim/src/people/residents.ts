import type { CitySeed } from '@bianmin/catalog/synthetic';
import { communitiesOf } from '../geography.js';
import { asOfInstant, type CityOptions } from '../options.js';
import { Rng, syntheticId } from '../random.js';
import type { IdNumberOffice } from './id-numbers.js';
import { syntheticPerson, type SyntheticPerson } from './person.js';

/** A resident with an account (role `resident`), the n-th of the city (from 1). */
export interface Resident extends SyntheticPerson {
  n: number;
}

/** Residents' phones: 199 00 and the resident's number, 19900000001 for the first. */
export const residentPhone = (n: number) => `19900${String(n).padStart(6, '0')}`;

/**
 * Ages of adults in a city that is growing old (shares of 16–95-year-olds, in bands): about 30%
 * are 60 or over. Children are not here: they do not sign up.
 */
const AGE_BANDS: readonly (readonly [[number, number], number])[] = [
  [[16, 19], 4],
  [[20, 24], 6],
  [[25, 29], 7],
  [[30, 34], 9],
  [[35, 39], 9],
  [[40, 44], 8],
  [[45, 49], 8],
  [[50, 54], 9],
  [[55, 59], 9],
  [[60, 64], 8],
  [[65, 69], 7],
  [[70, 74], 5],
  [[75, 79], 4],
  [[80, 84], 3],
  [[85, 89], 2],
  [[90, 95], 1],
];

const DAY_MS = 86_400_000;

/** The first index in ascending `cumulative` greater than `r`. */
function bisect(cumulative: number[], r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `options.residents` residents spread over every community (some busier than others), who
 * signed up in the five years before `asOf`.
 */
export function generateResidents(options: CityOptions, city: CitySeed, office: IdNumberOffice): Resident[] {
  const rng = Rng.of(options.seed, 'residents');
  const communities = communitiesOf(city);
  const cumulative: number[] = [];
  for (const [i] of communities.entries()) cumulative.push((cumulative[i - 1] ?? 0) + rng.uniform(0.5, 1.5));
  const total = cumulative[cumulative.length - 1]!;
  const asOf = asOfInstant(options).getTime();
  const residents: Resident[] = [];
  for (let n = 1; n <= options.residents; n++) {
    const community = communities[bisect(cumulative, rng.next() * total)]!;
    const person = syntheticPerson(rng, {
      personId: syntheticId(options.seed, 'resident-person', n),
      accountId: syntheticId(options.seed, 'resident-account', n),
      phone: residentPhone(n),
      community,
      city: city.name,
      asOf: options.asOf,
      ages: rng.weighted(AGE_BANDS),
      createdAt: new Date(Math.round(asOf - rng.uniform(30, 5 * 365) * DAY_MS)),
      office,
    });
    residents.push({ ...person, n });
  }
  return residents;
}
