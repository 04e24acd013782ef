import { createHash } from 'node:crypto';
import type { EntityManager, EntityName } from '@mikro-orm/core';
import type { Logger, Orm } from '@bianmin/kit';
import { Department } from '../../modules/department/department.entity.js';
import { LifeEvent } from '../../modules/life-event/life-event.entity.js';
import { Region } from '../../modules/region/region.entity.js';
import {
  SearchTerm,
  ServiceItem,
  ServiceItemLifeEvent,
} from '../../modules/service-item/service-item.entity.js';
import { searchRows, type IndexLookups } from '../../modules/service-item/service-item.index.js';
import { ServicePoint, ServicePointItem } from '../../modules/service-point/service-point.entity.js';
import { handles } from '../../modules/service-point/service-point.links.js';
import type { CitySeed, ServiceItemSeed, ServicePointSeed } from './data/types.js';
import { loadDemoData, type DemoData } from './load-data.js';

/** Stable ids from codes, so the same demo data always has the same ids (links in docs keep working). */
export function stableId(kind: string, code: string): string {
  const h = createHash('sha256').update(`bianmin:${kind}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function regionRows(city: CitySeed) {
  const rows: Array<{
    code: string;
    name: string;
    level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
    parentCode: string | null;
    latitude: number;
    longitude: number;
  }> = [];
  const node = (n: { code: string; name: string; latitude: number; longitude: number }) => ({
    code: n.code,
    name: n.name,
    latitude: n.latitude,
    longitude: n.longitude,
  });
  rows.push({ ...node(city), level: 'CITY', parentCode: null });
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

const CHUNK = 500;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function insertChunked<T extends object>(em: EntityManager, entity: EntityName<any>, rows: T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.insertMany(entity, rows.slice(i, i + CHUNK));
  }
}

/**
 * Bulk-load items and points with their links and search index, in one transaction. Used for
 * the demo data and, with generated data, for scale tests and benchmarks.
 */
export async function bulkLoad(
  em: EntityManager,
  data: Pick<DemoData, 'items' | 'points'> & Partial<Pick<DemoData, 'departments' | 'lifeEvents' | 'city'>>,
  cityCode: string,
) {
  const now = new Date();
  await em.transactional(async (tx) => {
    if (data.departments) await insertChunked(tx, Department, data.departments);
    if (data.lifeEvents) {
      await insertChunked(
        tx,
        LifeEvent,
        data.lifeEvents.map(({ order, ...e }) => ({ ...e, displayOrder: order })),
      );
    }
    if (data.city) await insertChunked(tx, Region, regionRows(data.city));
    const lookups: IndexLookups = {
      departments: new Map((await tx.find(Department, {})).map((d) => [d.code, d.name])),
      lifeEvents: new Map((await tx.find(LifeEvent, {})).map((e) => [e.code, e.name])),
    };
    const items = data.items.map((s) => itemRow(s, now));
    const points = data.points.map((s) => pointRow(s, cityCode));
    await insertChunked(tx, ServiceItem, items);
    await insertChunked(tx, ServicePoint, points);
    await insertChunked(
      tx,
      ServiceItemLifeEvent,
      data.items.flatMap((s) =>
        [...new Set(s.lifeEvents)].map((code) => ({ itemId: stableId('item', s.code), lifeEventCode: code })),
      ),
    );
    await insertChunked(
      tx,
      SearchTerm,
      items.flatMap((item, i) => searchRows(item as ServiceItem, data.items[i]!.lifeEvents, lookups)),
    );
    await insertChunked(
      tx,
      ServicePointItem,
      items.flatMap((item) =>
        points.filter((p) => handles(p, item)).map((p) => ({ pointId: p.id, itemId: item.id })),
      ),
    );
  });
}

/** Load the demo city on first start; a database that already has departments is left alone. */
export async function seedCatalog(orm: Orm, log?: Logger): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(Department, {})) > 0) return false;
  const started = Date.now();
  const data = loadDemoData();
  await bulkLoad(em, data, data.city.code);
  log?.info(
    { items: data.items.length, points: data.points.length, ms: Date.now() - started },
    'loaded the catalog demo data',
  );
  return true;
}
