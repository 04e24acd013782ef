import { Alert, Button, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { describeQueryError } from '../errors';
import { useRemoteUi } from './remote-ui';

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
  const { labels, cls } = useRemoteUi();
  return (
    <div className={cls('loading')} role="status" aria-live="polite" data-testid="loading">
      <span className={cls('visually-hidden')}>{label ?? labels.loading}</span>
      {cards > 0 ? (
        <div className={cls('grid')}>
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className={cls('card', 'card--skeleton')}>
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

export interface QueryErrorProps {
  error: unknown;
  /**
   * Called with no arguments, e.g. `() => refetch()`. A promise it returns may reject: the query's
   * own error state shows that failure, so it is ignored here.
   */
  onRetry?: () => unknown;
  retrying?: boolean;
  /** Compact for a section inside a page; full for a whole page. */
  compact?: boolean;
}

/**
 * A friendly message for any failed query: the server's own words for bad input (they are written
 * for people), a plain explanation and a retry button otherwise. Never the raw error.
 */
export function QueryError({ error, onRetry, retrying = false, compact = false }: QueryErrorProps) {
  const { labels, cls } = useRemoteUi();
  const problem = describeQueryError(error);

  if (problem.kind === 'bad-input') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="query-error"
        title={labels.badInputTitle}
        description={<span data-testid="query-error-message">{problem.message}</span>}
      />
    );
  }

  const title = problem.kind === 'unavailable' ? labels.unavailableTitle : labels.networkTitle;
  const body = problem.kind === 'unavailable' ? labels.unavailableBody : labels.networkBody;
  const retry = onRetry && (
    <Button
      icon={<ReloadOutlined aria-hidden />}
      onClick={() => void Promise.resolve(onRetry()).catch(() => undefined)}
      loading={retrying}
      data-testid="query-retry"
    >
      {labels.retry}
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
              <p className={cls('alert-body')}>{body}</p>
              {retry}
            </>
          }
        />
      </div>
    );
  }
  return (
    <div role="alert" data-testid="query-error" className={cls('panel')}>
      <Result
        status="warning"
        title={<h2 className={cls('result-title')}>{title}</h2>}
        subTitle={body}
        extra={retry}
      />
    </div>
  );
}
