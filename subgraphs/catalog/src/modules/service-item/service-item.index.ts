import type { EntityManager } from '@mikro-orm/core';
import { Department } from '../department/department.entity.js';
import { LifeEvent } from '../life-event/life-event.entity.js';
import { SearchTerm, type ServiceItem } from './service-item.entity.js';
import { weightedTerms } from './search-terms.js';

/** Names the index needs besides the item itself; loaded once for many items. */
export interface IndexLookups {
  departments: Map<string, string>;
  lifeEvents: Map<string, string>;
}

export async function loadIndexLookups(em: EntityManager): Promise<IndexLookups> {
  const [departments, lifeEvents] = await Promise.all([em.find(Department, {}), em.find(LifeEvent, {})]);
  return {
    departments: new Map(departments.map((d) => [d.code, d.name])),
    lifeEvents: new Map(lifeEvents.map((e) => [e.code, e.name])),
  };
}

/** The index rows of one item. */
export function searchRows(item: ServiceItem, lifeEventCodes: string[], lookups: IndexLookups) {
  const weights = weightedTerms({
    name: item.name,
    nameEn: item.nameEn,
    keywords: item.keywords.join(' '),
    lifeEvents: lifeEventCodes.map((c) => lookups.lifeEvents.get(c) ?? '').join(' '),
    department: lookups.departments.get(item.departmentCode) ?? '',
    summary: item.summary,
    eligibility: item.eligibility,
    materials: item.materials.map((m) => m.name).join(' '),
    faq: item.faq.map((f) => f.question).join(' '),
  });
  return [...weights].map(([term, weight]) => ({ term, itemId: item.id, weight }));
}

/** Replace an item's index rows (inside the caller's transaction). */
export async function reindexItem(
  em: EntityManager,
  item: ServiceItem,
  lifeEventCodes: string[],
  lookups: IndexLookups,
) {
  await em.nativeDelete(SearchTerm, { itemId: item.id });
  const rows = searchRows(item, lifeEventCodes, lookups);
  if (rows.length) await em.insertMany(SearchTerm, rows);
}
