import { useCallback, useState } from 'react';

interface Pageable {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * "Load more" over a cursor connection: fetches the page after `endCursor` (the cache's
 * relayStylePagination policy appends it) and remembers whether the last attempt failed.
 */
export function usePagedConnection(
  connection: Pageable | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
) {
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
