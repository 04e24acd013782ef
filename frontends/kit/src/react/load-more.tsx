import { Alert, Button } from 'antd';
import type { PagedConnection, Paging } from './paged-connection';
import { useRemoteUi } from './remote-ui';

/**
 * Cursor pagination as a button under a list: how many are shown (announced as it changes), a
 * message when the last page failed, and the button while there are more. Keeps the reader's place.
 */
export function LoadMore({ connection, paging }: { connection: PagedConnection; paging: Paging }) {
  const { labels, cls } = useRemoteUi();
  const { hasNextPage } = connection.pageInfo;
  return (
    <div className={cls('load-more')}>
      <p className={cls('muted')} aria-live="polite">
        {hasNextPage
          ? labels.showing(connection.edges.length, connection.totalCount)
          : labels.allLoaded(connection.totalCount)}
      </p>
      {paging.failed && <Alert type="error" showIcon title={labels.loadMoreFailed} />}
      {hasNextPage && (
        <Button
          size="large"
          onClick={paging.loadMore}
          loading={paging.loadingMore}
          data-testid="load-more"
          block
        >
          {paging.loadingMore ? labels.loadingMore : labels.loadMore}
        </Button>
      )}
    </div>
  );
}
