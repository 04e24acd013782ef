import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { entityLoader, groupLoader } from '@bianmin/kit';
import { Department } from './modules/department/department.entity.js';
import { LifeEvent } from './modules/life-event/life-event.entity.js';
import { Region } from './modules/region/region.entity.js';
import {
  ServiceItem,
  ServiceItemLifeEvent,
  ServiceItemVersion,
} from './modules/service-item/service-item.entity.js';
import { ServicePoint, ServicePointItem } from './modules/service-point/service-point.entity.js';

/** Count rows per key with one GROUP BY. */
function countLoader(em: EntityManager, column: string, table: string) {
  return new DataLoader<string, number>(async (keys) => {
    const placeholders = keys.map(() => '?').join(', ');
    const rows: Array<{ k: string; n: number }> = await em
      .getConnection()
      .execute(
        `select ${column} as k, count(*) as n from ${table} where ${column} in (${placeholders}) group by ${column}`,
        [...keys],
      );
    const counts = new Map(rows.map((r) => [r.k, Number(r.n)]));
    return keys.map((k) => counts.get(k) ?? 0);
  });
}

/** Per-request loaders: every entity reference and every list under an entity costs one query per batch. */
export function createLoaders(em: EntityManager) {
  const schema = em.config.get('schema') as string | undefined;
  const t = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  return {
    serviceItem: entityLoader(em, ServiceItem, 'id'),
    serviceItemByCode: entityLoader(em, ServiceItem, 'code'),
    servicePoint: entityLoader(em, ServicePoint, 'id'),
    department: entityLoader(em, Department, 'code'),
    lifeEvent: entityLoader(em, LifeEvent, 'code'),
    region: entityLoader(em, Region, 'code'),
    lifeEventCodesOfItem: groupLoader(
      (ids: readonly string[]) => em.find(ServiceItemLifeEvent, { itemId: { $in: [...ids] } }),
      (row) => row.itemId,
    ),
    pointIdsOfItem: groupLoader(
      (ids: readonly string[]) => em.find(ServicePointItem, { itemId: { $in: [...ids] } }),
      (row) => row.itemId,
    ),
    itemIdsOfPoint: groupLoader(
      (ids: readonly string[]) => em.find(ServicePointItem, { pointId: { $in: [...ids] } }),
      (row) => row.pointId,
    ),
    versionsOfItem: groupLoader(
      (ids: readonly string[]) =>
        em.find(ServiceItemVersion, { itemId: { $in: [...ids] } }, { orderBy: { version: 'desc' } }),
      (row) => row.itemId,
    ),
    childrenOfRegion: groupLoader(
      (codes: readonly string[]) =>
        em.find(Region, { parentCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (row) => row.parentCode as string,
    ),
    itemCountOfDepartment: countLoader(em, 'department_code', t('service_item')),
    itemCountOfLifeEvent: countLoader(em, 'life_event_code', t('service_item_life_event')),
    pointCountOfItem: countLoader(em, 'item_id', t('service_point_item')),
    itemCountOfPoint: countLoader(em, 'point_id', t('service_point_item')),
  };
}
export type CatalogLoaders = ReturnType<typeof createLoaders>;
