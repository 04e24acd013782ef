import type { EntityManager, EntityName } from '@mikro-orm/core';
import type { Orm } from './orm.js';

/**
 * INSERT `rows`, `size` at a time, inside the caller's transaction; returns how many. Domains' bulk
 * paths (the synthetic city, imports) use it: one statement per row would take hours for a city.
 */
export async function insertInBatches<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: T[],
  size = 1000,
): Promise<number> {
  for (let i = 0; i < rows.length; i += size) await em.insertMany(entity, rows.slice(i, i + size));
  return rows.length;
}

/**
 * After a bulk load: fresh planner statistics on PostgreSQL, and the visibility map that lets a
 * count read an index alone (autovacuum would do both, later). SQLite keeps no statistics unless
 * asked, and no domain asks, so there is nothing to do there. `entities` by class name.
 */
export async function analyzeAfterBulkLoad(orm: Orm, entities: readonly string[]): Promise<void> {
  if (!orm.config.get('clientUrl')) return;
  const em = orm.em.fork();
  for (const name of entities) {
    const meta = em.getMetadata().get(name);
    const schema = meta.schema ?? (em.config.get('schema') as string | undefined);
    const table = schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
    await em.getConnection().execute(`vacuum analyze ${table}`);
  }
}
