import { badInput } from './errors.js';

/** Every list is bounded: `first` is clamped to this unless a field says otherwise. */
export const MAX_PAGE_SIZE = 50;

/**
 * Opaque cursors over a stable ordering. They encode an offset: ranked search results have no
 * natural keyset, and the bound on `first` keeps offsets cheap.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor == null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw badInput('The `after` cursor is not valid; use a cursor returned by this API.', 'after');
  return Number(match[1]) + 1;
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw badInput(`\`first\` must be between 1 and ${max}.`, 'first');
  return n;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T; score?: number | null }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function toConnection<T>(
  nodes: T[],
  offset: number,
  totalCount: number,
  score?: (node: T, index: number) => number | null,
): Connection<T> {
  const edges = nodes.map((node, i) => ({
    cursor: encodeCursor(offset + i),
    node,
    score: score ? score(node, i) : null,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
