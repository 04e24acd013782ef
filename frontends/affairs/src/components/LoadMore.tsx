import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  total: number;
  hasNextPage: boolean;
  loading: boolean;
  failed: boolean;
  onLoadMore: () => void;
}

/** Cursor pagination as a button: accessible, and keeps the resident's place in the list. */
export function LoadMore({ shown, total, hasNextPage, loading, failed, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <div className="aff-load-more">
      <p className="aff-muted" aria-live="polite">
        {hasNextPage ? t('common.showing', { shown, total }) : t('common.allLoaded', { count: total })}
      </p>
      {failed && <Alert type="error" showIcon title={t('common.loadMoreFailed')} />}
      {hasNextPage && (
        <Button size="large" onClick={onLoadMore} loading={loading} data-testid="load-more" block>
          {loading ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
