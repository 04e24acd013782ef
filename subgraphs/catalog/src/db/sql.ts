import type { EntityManager } from '@mikro-orm/core';

/** The quoted, schema-qualified table of an entity, for the few hand-written SQL statements. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function table(em: EntityManager, entity: { meta: { className: string } } | any): string {
  const meta = em.getMetadata().get(entity.meta.className as string);
  const schema = meta.schema ?? (em.config.get('schema') as string | undefined);
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

/** Escape LIKE wildcards in user text (used with ESCAPE '\'). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
