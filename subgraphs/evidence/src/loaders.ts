import type { EntityManager } from '@mikro-orm/core';

/**
 * Per-request loaders: none yet. The log has no entity other subgraphs reference, and every
 * proof already reads its O(log n) nodes in one query.
 */
export function createLoaders(_em: EntityManager) {
  return {};
}
export type EvidenceLoaders = ReturnType<typeof createLoaders>;
