import { LoadingBlock, QueryError } from '@bianmin/frontend-kit/react';
import { useTranslation } from 'react-i18next';
import { NotFound } from './NotFound';

/**
 * An application page until it has its application: a skeleton on the first load, the error with
 * a retry when that failed, and 未找到 when the answer had none.
 */
export function ApplicationLoadState({
  loading,
  error,
  answered,
  reload,
  notFoundBody,
}: {
  loading: boolean;
  error: unknown;
  /** The query has an answer (possibly without an application). */
  answered: boolean;
  reload: () => Promise<unknown>;
  /** Why it may not be found, for this reader. */
  notFoundBody: string;
}) {
  const { t } = useTranslation();
  if (loading && !answered) {
    return (
      <div className="aff-page">
        <LoadingBlock rows={10} />
      </div>
    );
  }
  if (error && !answered) {
    return (
      <div className="aff-page">
        <QueryError error={error} onRetry={reload} retrying={loading} />
      </div>
    );
  }
  return <NotFound title={t('errors.applicationNotFound')} body={notFoundBody} />;
}
