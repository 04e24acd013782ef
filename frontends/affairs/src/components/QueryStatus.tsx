import { Alert, Button, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeQueryError } from '@bianmin/frontend-kit';

/** Placeholder shaped like the content that is on its way. */
export function LoadingBlock({
  rows = 3,
  cards = 0,
  label,
}: {
  rows?: number;
  cards?: number;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="aff-loading" role="status" aria-live="polite" data-testid="loading">
      <span className="aff-visually-hidden">{label ?? t('common.loading')}</span>
      {cards > 0 ? (
        <div className="aff-grid">
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className="aff-card aff-card--skeleton">
              <Skeleton active title paragraph={{ rows: 2 }} />
            </div>
          ))}
        </div>
      ) : (
        <Skeleton active paragraph={{ rows }} />
      )}
    </div>
  );
}

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** Compact for a section inside a page; full for a whole page. */
  compact?: boolean;
}

/**
 * A friendly message for any failed query: the server's own words for bad input (they are written
 * for people), a plain explanation and a retry button otherwise. Never the raw error.
 */
export function QueryError({ error, onRetry, retrying = false, compact = false }: QueryErrorProps) {
  const { t } = useTranslation();
  const problem = describeQueryError(error);

  if (problem.kind === 'bad-input') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="query-error"
        title={t('errors.badInputTitle')}
        description={<span data-testid="query-error-message">{problem.message}</span>}
      />
    );
  }

  const title = problem.kind === 'unavailable' ? t('errors.unavailableTitle') : t('errors.networkTitle');
  const body = problem.kind === 'unavailable' ? t('errors.unavailableBody') : t('errors.networkBody');
  const retry = onRetry && (
    <Button
      icon={<ReloadOutlined aria-hidden />}
      onClick={onRetry}
      loading={retrying}
      data-testid="query-retry"
    >
      {t('common.retry')}
    </Button>
  );

  if (compact) {
    return (
      <div role="alert" data-testid="query-error">
        <Alert
          type="error"
          showIcon
          title={title}
          description={
            <>
              <p className="aff-alert-body">{body}</p>
              {retry}
            </>
          }
        />
      </div>
    );
  }
  return (
    <div role="alert" data-testid="query-error" className="aff-panel">
      <Result
        status="warning"
        title={<h2 className="aff-result-title">{title}</h2>}
        subTitle={body}
        extra={retry}
      />
    </div>
  );
}
