import type { EntityManager } from '@mikro-orm/core';
import { insertInBatches, type Logger, type Orm } from '@bianmin/kit';
import { Department } from '../../modules/department/department.entity.js';
import { LifeEvent } from '../../modules/life-event/life-event.entity.js';
import { insertRegions, insertServiceItems, insertServicePoints } from '../bulk.js';
import { loadDemoData, type DemoData } from './load-data.js';

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
    if (data.departments) await insertInBatches(tx, Department, data.departments);
    if (data.lifeEvents) {
      await insertInBatches(
        tx,
        LifeEvent,
        data.lifeEvents.map(({ order, ...e }) => ({ ...e, displayOrder: order })),
      );
    }
    if (data.city) await insertRegions(tx, data.city);
    await insertServiceItems(tx, data.items, now);
    await insertServicePoints(tx, data.points, cityCode);
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
