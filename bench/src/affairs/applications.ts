import { randomUUID } from 'node:crypto';
import { fetchItemTerms, loadApplications, planApplications, type Handler } from '@bianmin/affairs/bulk';
import type { Platform } from './platform.js';

/** mulberry32: the same data on every run and driver. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ids of every item of the catalog, from its public API. */
async function catalogItemIds(platform: Platform): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: {
      data?: {
        serviceItems: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        } | null;
      } | null;
    } = await platform.catalog.execute(
      `query Items($after: String) { serviceItems(first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const items = page.data?.serviceItems;
    if (!items) throw new Error('the catalog did not list its items');
    ids.push(...items.edges.map((e) => e.node.id));
    after = items.pageInfo.hasNextPage ? items.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

/**
 * Insert `count` applications spread over every item of the demo catalog (so over every
 * department, in proportion to its items) through affairs' bulk path (`@bianmin/affairs/bulk`):
 * planned by its seeded generator, each replayed through the workflow engine, written 1,000 to a
 * transaction, then on PostgreSQL VACUUM ANALYZE. One applicant per application; eight members of
 * staff per department, the first a supervisor (复核 needs one).
 */
export async function insertApplications(platform: Platform, count: number) {
  const now = new Date();
  const terms = await fetchItemTerms(platform.affairs.services.catalog, await catalogItemIds(platform));
  const handlers = new Map<string, Handler[]>();
  for (const { departmentCode } of terms)
    if (!handlers.has(departmentCode))
      handlers.set(
        departmentCode,
        Array.from({ length: 8 }, (_, i) => ({
          accountId: randomUUID(),
          roles: i === 0 ? ['department-staff', 'supervisor'] : ['department-staff'],
        })),
      );
  const applicants = Array.from({ length: count }, () => ({
    personId: randomUUID(),
    accountId: randomUUID(),
  }));
  const plans = planApplications({
    count,
    items: terms,
    applicants,
    handlers,
    now,
    random: random(20261129),
  });
  await loadApplications(platform.orm, { plans, terms, now });
}
