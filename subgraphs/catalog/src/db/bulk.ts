import { analyzeAfterBulkLoad, insertInBatches } from '@bianmin/kit';
/**
 * The catalog's bulk path: the four-level geography, service items (with their search index and
 * life-event links) and service points (with the items each handles), written straight to the
 * tables in INSERTs of 1,000 rows — the same rows the demo seed and the editors' mutations write.
 * Used by the demo seed, by `@bianmin/catalog/synthetic` and by `@bianmin/sim` (a whole city).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '@bianmin/kit';
import { Region } from '../modules/region/region.entity.js';
import {
  SearchTerm,
  ServiceItem,
  ServiceItemLifeEvent,
} from '../modules/service-item/service-item.entity.js';
import { loadIndexLookups, searchRows } from '../modules/service-item/service-item.index.js';
import { ServicePoint, ServicePointItem } from '../modules/service-point/service-point.entity.js';
import { handles } from '../modules/service-point/service-point.links.js';
import type { CitySeed, ServiceItemSeed, ServicePointSeed } from './seeds/data/types.js';

/** Rows per INSERT of the narrow tables (index rows, links, regions). */
export const BATCH = 1000;
/**
 * Rows per INSERT of items (a guide is several KB) and points: PostgreSQL parses a statement of
 * a few MB far more slowly than many small ones (SQLite does not mind either way).
 */
const WIDE_BATCH = 50;

/** Stable ids from codes, so the same demo data always has the same ids (links in docs keep working). */
export function stableId(kind: string, code: string): string {
  const h = createHash('sha256').update(`bianmin:${kind}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type RegionRow = Pick<Region, 'code' | 'name' | 'level' | 'parentCode' | 'latitude' | 'longitude'>;

export function regionRows(city: CitySeed): RegionRow[] {
  const node = (n: { code: string; name: string; latitude: number; longitude: number }) => ({
    code: n.code,
    name: n.name,
    latitude: n.latitude,
    longitude: n.longitude,
  });
  const rows: RegionRow[] = [{ ...node(city), level: 'CITY', parentCode: null }];
  for (const d of city.districts) {
    rows.push({ ...node(d), level: 'DISTRICT', parentCode: city.code });
    for (const s of d.streets) {
      rows.push({ ...node(s), level: 'STREET', parentCode: d.code });
      for (const c of s.communities) rows.push({ ...node(c), level: 'COMMUNITY', parentCode: s.code });
    }
  }
  return rows;
}

export function itemRow(seed: ServiceItemSeed, now: Date) {
  return {
    id: stableId('item', seed.code),
    code: seed.code,
    name: seed.name,
    nameEn: seed.nameEn,
    departmentCode: seed.departmentCode,
    category: seed.category,
    kind: seed.kind,
    keywords: seed.keywords,
    summary: seed.summary,
    eligibility: seed.eligibility,
    materials: seed.materials.map((m) => ({ ...m, fromLicenceType: m.fromLicenceType ?? null })),
    legalDays: seed.legalDays,
    promisedDays: seed.promisedDays,
    fee: {
      free: seed.fee.free,
      amountYuan: seed.fee.amountYuan ?? null,
      basis: seed.fee.basis ?? null,
      note: seed.fee.note ?? null,
    },
    channels: seed.channels,
    channelTags: `,${seed.channels.join(',')},`,
    visits: seed.visits,
    instantApproval: seed.instantApproval,
    handledAt: seed.handledAt,
    legalBasis: seed.legalBasis,
    faq: seed.faq,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function pointRow(seed: ServicePointSeed, cityCode: string) {
  return {
    id: stableId('point', seed.code),
    code: seed.code,
    name: seed.name,
    type: seed.type,
    address: seed.address,
    cityCode,
    districtCode: seed.districtCode,
    streetCode: seed.streetCode,
    communityCode: seed.communityCode ?? null,
    latitude: seed.latitude,
    longitude: seed.longitude,
    phone: seed.phone,
    openingHours: seed.openingHours,
    openingNote: seed.openingNote,
    accessibility: seed.accessibility,
    departmentCodes: seed.departmentCodes,
  };
}

type LinkItem = Pick<ServiceItem, 'id' | 'handledAt' | 'departmentCode'>;
type LinkPoint = Pick<ServicePoint, 'id' | 'type' | 'departmentCodes'>;

/**
 * Rows in the order of their primary key: B-trees filled in key order write each page once,
 * instead of splitting pages all over the index (3× faster for the search index on SQLite).
 */
function inKeyOrder<T>(rows: T[], first: keyof T, second: keyof T): T[] {
  return rows.sort((a, b) =>
    a[first] !== b[first]
      ? a[first] < b[first]
        ? -1
        : 1
      : a[second] < b[second]
        ? -1
        : a[second] > b[second]
          ? 1
          : 0,
  );
}

/**
 * Which of `points` handle which of `items` (`handles`), looked up by point type rather than
 * tried pair by pair: thousands of items times thousands of points is millions of pairs.
 */
function linkRows(items: LinkItem[], points: LinkPoint[]) {
  const byType = new Map<string, LinkPoint[]>();
  for (const point of points) {
    const same = byType.get(point.type);
    if (same) same.push(point);
    else byType.set(point.type, [point]);
  }
  const links = items.flatMap((item) =>
    item.handledAt.flatMap((type) =>
      (byType.get(type) ?? [])
        .filter((point) => handles(point, item))
        .map((point) => ({ pointId: point.id, itemId: item.id })),
    ),
  );
  return inKeyOrder(links, 'pointId', 'itemId');
}

/** The regions of `city` that are not there yet (a city extends the demo geography). */
export async function insertRegions(em: EntityManager, city: CitySeed): Promise<number> {
  const known = new Set((await em.find(Region, {}, { fields: ['code'] })).map((r) => r.code));
  return insertInBatches(
    em,
    Region,
    regionRows(city).filter((r) => !known.has(r.code)),
  );
}

/**
 * New items with their search index and life-event links, linked to the points already there
 * (points added later link themselves: `insertServicePoints`).
 */
export async function insertServiceItems(em: EntityManager, seeds: ServiceItemSeed[], at: Date) {
  const lookups = await loadIndexLookups(em);
  const items = seeds.map((s) => itemRow(s, at));
  await insertInBatches(em, ServiceItem, items, WIDE_BATCH);
  const lifeEvents = seeds.flatMap((s) =>
    [...new Set(s.lifeEvents)].map((code) => ({ itemId: stableId('item', s.code), lifeEventCode: code })),
  );
  await insertInBatches(em, ServiceItemLifeEvent, lifeEvents);
  const terms = inKeyOrder(
    items.flatMap((item, i) => searchRows(item as ServiceItem, seeds[i]!.lifeEvents, lookups)),
    'term',
    'itemId',
  );
  await insertInBatches(em, SearchTerm, terms);
  const points = await em.find(ServicePoint, {}, { fields: ['id', 'type', 'departmentCodes'] });
  const links = await insertInBatches(em, ServicePointItem, linkRows(items, points));
  return { items: items.length, searchTerms: terms.length, links };
}

/** New points, linked to every item already there that they handle. */
export async function insertServicePoints(em: EntityManager, seeds: ServicePointSeed[], cityCode: string) {
  const points = seeds.map((s) => pointRow(s, cityCode));
  await insertInBatches(em, ServicePoint, points, WIDE_BATCH);
  const items = await em.find(ServiceItem, {}, { fields: ['id', 'handledAt', 'departmentCode'] });
  const links = await insertInBatches(em, ServicePointItem, linkRows(items, points));
  return { points: points.length, links };
}

/** Regions missing from the catalog's geography, in one transaction. */
export async function loadRegions(orm: Orm, city: CitySeed): Promise<number> {
  const inserted = await orm.em.fork().transactional((tx) => insertRegions(tx, city));
  await analyzeAfterBulkLoad(
    orm,
    [Region].map((e) => e.meta.className),
  );
  return inserted;
}

/** Items, their index and links in one transaction: search never sees a half-indexed item. */
export async function loadServiceItems(orm: Orm, seeds: ServiceItemSeed[], at = new Date()) {
  const inserted = await orm.em.fork().transactional((tx) => insertServiceItems(tx, seeds, at));
  await analyzeAfterBulkLoad(
    orm,
    [ServiceItem, ServiceItemLifeEvent, SearchTerm, ServicePointItem].map((e) => e.meta.className),
  );
  return inserted;
}

/** Points and their links in one transaction. */
export async function loadServicePoints(orm: Orm, seeds: ServicePointSeed[], cityCode: string) {
  const inserted = await orm.em.fork().transactional((tx) => insertServicePoints(tx, seeds, cityCode));
  await analyzeAfterBulkLoad(
    orm,
    [ServicePoint, ServicePointItem].map((e) => e.meta.className),
  );
  return inserted;
}
