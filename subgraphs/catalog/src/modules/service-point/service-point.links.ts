import type { EntityManager } from '@mikro-orm/core';
import type { ServiceItem } from '../service-item/service-item.entity.js';
import { ServicePoint, ServicePointItem } from './service-point.entity.js';

/** Whether a point handles an item: the point is of a type the item names, for the item's department. */
export function handles(
  point: Pick<ServicePoint, 'type' | 'departmentCodes'>,
  item: Pick<ServiceItem, 'handledAt' | 'departmentCode'>,
) {
  return (
    item.handledAt.includes(point.type) &&
    (point.departmentCodes.length === 0 || point.departmentCodes.includes(item.departmentCode))
  );
}

/** Recompute which points handle one item (inside the caller's transaction). */
export async function linkItemToPoints(em: EntityManager, item: ServiceItem) {
  await em.nativeDelete(ServicePointItem, { itemId: item.id });
  if (item.handledAt.length === 0) return;
  const points = await em.find(
    ServicePoint,
    { type: { $in: item.handledAt } },
    { fields: ['id', 'type', 'departmentCodes'] },
  );
  const rows = points.filter((p) => handles(p, item)).map((p) => ({ pointId: p.id, itemId: item.id }));
  if (rows.length) await em.insertMany(ServicePointItem, rows);
}
