import type { DataFacts } from '../data/facts.js';
import type { SubgraphName } from '../platform/subgraphs.js';

/** Picks variables: the same sequence every run (no randomness), spread over the data's facts. */
export interface Picker {
  /** The n-th request of this operation. */
  n: number;
  facts: DataFacts;
}
const nth = <T>(list: T[], n: number): T => list[n % list.length]!;

/** One operation of the resident mix, by the name the frontend gives it. */
export interface MixOperation {
  name: string;
  /** Share of the requests, out of the sum of all weights. */
  weight: number;
  /** Who sends it: a signed-in resident or the member of staff. */
  as: 'resident' | 'staff';
  /**
   * The one subgraph that answers it alone, for the "subgraph directly" target; null when its
   * plan spans subgraphs. The smoke test asks each directly, so a wrong entry fails there.
   */
  subgraph: SubgraphName | null;
  variables(pick: Picker): Record<string, unknown> | undefined;
  /** The answer has what the page shows (beyond "no errors"). */
  present(data: Record<string, unknown>): boolean;
}

type Connection = { totalCount: number; edges: unknown[] } | null;
const connection = (field: string, atLeastOne: boolean) => (data: Record<string, unknown>) => {
  const value = data[field] as Connection;
  return !!value && typeof value.totalCount === 'number' && (!atLeastOne || value.edges.length > 0);
};
const list = (field: string) => (data: Record<string, unknown>) =>
  Array.isArray(data[field]) && (data[field] as unknown[]).length > 0;
const object = (field: string) => (data: Record<string, unknown>) =>
  typeof data[field] === 'object' && data[field] !== null;

/**
 * What residents do, weighted like a day's traffic: the home page (three queries), search as
 * they type and on enter, a service guide, nearby service points, their applications and their
 * account — plus a member of staff working the inbox. Variables are the frontends' own (page
 * sizes, the 3 km default radius).
 */
export const RESIDENT_MIX: MixOperation[] = [
  {
    name: 'LifeEvents',
    weight: 10,
    as: 'resident',
    subgraph: 'catalog',
    variables: () => undefined,
    present: list('lifeEvents'),
  },
  {
    name: 'Departments',
    weight: 10,
    as: 'resident',
    subgraph: 'catalog',
    variables: () => undefined,
    present: list('departments'),
  },
  {
    name: 'PopularServiceItems',
    weight: 10,
    as: 'resident',
    subgraph: 'catalog',
    variables: () => undefined,
    present: connection('serviceItems', true),
  },
  {
    name: 'SuggestServiceItems',
    weight: 14,
    as: 'resident',
    subgraph: 'catalog',
    variables: ({ n, facts }) => ({ query: nth(facts.searchTerms, n) }),
    present: connection('searchServiceItems', false),
  },
  {
    name: 'SearchServiceItems',
    weight: 10,
    as: 'resident',
    subgraph: 'catalog',
    variables: ({ n, facts }) => ({ query: nth(facts.searchTerms, n), first: 10 }),
    present: connection('searchServiceItems', false),
  },
  {
    name: 'ServiceGuide',
    weight: 14,
    as: 'resident',
    subgraph: 'catalog',
    variables: ({ n, facts }) => ({ code: nth(facts.serviceCodes, n) }),
    present: object('serviceItemByCode'),
  },
  {
    name: 'NearbyServicePoints',
    weight: 8,
    as: 'resident',
    subgraph: 'catalog',
    variables: ({ n, facts }) => ({ ...nth(facts.places, n), radiusMeters: 3000 }),
    present: (data) => Array.isArray(data.nearbyServicePoints),
  },
  {
    name: 'Me',
    weight: 10,
    as: 'resident',
    subgraph: 'identity',
    variables: () => undefined,
    present: object('me'),
  },
  {
    name: 'MyApplications',
    weight: 9,
    as: 'resident',
    subgraph: 'affairs',
    variables: () => ({ first: 10 }),
    present: connection('myApplications', false),
  },
  {
    name: 'ApplicationInbox',
    weight: 5,
    as: 'staff',
    subgraph: null,
    variables: () => ({ first: 20 }),
    present: connection('applicationInbox', true),
  },
];
