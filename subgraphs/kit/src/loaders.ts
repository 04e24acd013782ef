import DataLoader from 'dataloader';
import type { EntityManager, EntityName } from '@mikro-orm/core';

/**
 * A per-request DataLoader that fetches entities by a unique key in one `IN (...)` query.
 * Every `@key` entity resolves through one of these, so N references cost one SQL statement.
 */
export function entityLoader<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  key: K,
): DataLoader<T[K], T | null> {
  return new DataLoader<T[K], T | null>(
    async (keys) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const rows = (await em.find(entity, { [key]: { $in: [...keys] } } as any)) as T[];
      const byKey = new Map<T[K], T>(rows.map((row) => [row[key], row]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

/** A per-request DataLoader for one-to-many lookups: key → rows, in one query. */
export function groupLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<K, V[]>();
      for (const row of rows) {
        const k = keyOf(row);
        const list = groups.get(k);
        if (list) list.push(row);
        else groups.set(k, [row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    },
    { maxBatchSize: 500 },
  );
}
