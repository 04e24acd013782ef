import { useCallback, useState } from 'react';

/** The parts of a Relay-style connection that paging needs. */
export interface PagedConnection {
  totalCount: number;
  edges: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Paging {
  loadMore: () => void;
  loadingMore: boolean;
  /** The last attempt failed; the button offers it again. */
  failed: boolean;
}

/**
 * "Load more" over a cursor connection: fetches the page after `endCursor` (the cache's
 * relayStylePagination policy appends it) and remembers whether the last attempt failed.
 */
export function usePagedConnection(
  connection: Pick<PagedConnection, 'pageInfo'> | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
): Paging {
  const [loadingMore, setLoadingMore] = useState(false);
  const [failed, setFailed] = useState(false);

  const loadMore = useCallback(() => {
    const after = connection?.pageInfo.endCursor;
    if (!after || loadingMore) return;
    setLoadingMore(true);
    setFailed(false);
    fetchMore({ variables: { after } }).then(
      () => setLoadingMore(false),
      () => {
        setLoadingMore(false);
        setFailed(true);
      },
    );
  }, [connection, fetchMore, loadingMore]);

  return { loadMore, loadingMore, failed };
}
