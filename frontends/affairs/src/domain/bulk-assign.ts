import type { BulkAssignResult, UserError } from '../graphql/types';

/** What a 分派 / 批量认领 request came to, per application, for the message under the inbox. */
export interface BulkAssignSummary {
  /** The request as a whole was refused (nothing changed): the server's words. */
  refused: UserError | null;
  done: number;
  /** The applications that were not assigned, by reference, with the server's reason. */
  failed: { id: string; reference: string; message: string; stale: boolean }[];
}

/**
 * Summarise `assignApplications` against the rows the user picked (for their 办件编号: a refused
 * item comes back without its application). A stale version or a colleague who got there first
 * is marked `stale` so the page knows to show fresh data.
 */
export function summarizeBulkAssign(
  result: BulkAssignResult,
  picked: readonly { id: string; reference: string }[],
): BulkAssignSummary {
  if (result.error && result.results.length === 0) return { refused: result.error, done: 0, failed: [] };
  const referenceOf = (id: string) => picked.find((row) => row.id === id)?.reference ?? id;
  const failed = result.results
    .filter((r) => !r.ok)
    .map((r) => ({
      id: r.id,
      reference: referenceOf(r.id),
      message: r.error?.message ?? '',
      stale: r.error?.code === 'CONFLICT',
    }));
  return { refused: null, done: result.results.filter((r) => r.ok).length, failed };
}

/** The selection after a page reload: keep only ids still listed. */
export function keepListed(selected: ReadonlySet<string>, listed: readonly { id: string }[]): Set<string> {
  const ids = new Set(listed.map((row) => row.id));
  return new Set([...selected].filter((id) => ids.has(id)));
}

/** At most this many per request (the API's limit). */
export const MAX_BULK = 50;
