import type { EntityManager } from '@mikro-orm/core';

/** The quoted, schema-qualified table of an entity, for the few hand-written SQL statements. */
export function table(em: EntityManager, entityName: string): string {
  const meta = em.getMetadata().get(entityName);
  const schema = meta.schema ?? (em.config.get('schema') as string | undefined);
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}
