import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MY_DATA_ACCESS_LOG } from '../identity/operations';
import { accessorText, fieldText, mergeAccessPages, purposeText } from './data-access';

const PAGE_SIZE = 20;

/**
 * 谁查看了我的信息: every reveal of the resident's unmasked data (`myDataAccessLog`), newest
 * first, with the department and role of staff who looked and the purpose they declared. A
 * table: one row per view, column headers for time, information, viewer and purpose.
 */
export function DataAccessLogSection() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_DATA_ACCESS_LOG, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const page = data?.myDataAccessLog;
  const rows = page?.edges.map((edge) => edge.node) ?? [];

  async function loadMore() {
    const after = page?.pageInfo.endCursor;
    if (!after || loadingMore) return;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({
        variables: { first: PAGE_SIZE, after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          myDataAccessLog: mergeAccessPages(previous.myDataAccessLog, fetchMoreResult.myDataAccessLog),
        }),
      });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="shell-panel" aria-labelledby="data-access-title" data-testid="data-access-section">
      <h2 id="data-access-title">{t('dataAccess.title')}</h2>
      <p className="shell-panel__lead">{t('dataAccess.lead')}</p>
      {!page && loading && <Skeleton active paragraph={{ rows: 3 }} />}
      {!page && error && (
        <Alert
          type="warning"
          showIcon
          title={t('dataAccess.loadFailed')}
          action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
        />
      )}
      {page && rows.length === 0 && (
        <p className="shell-muted" data-testid="data-access-empty">
          {t('dataAccess.empty')}
        </p>
      )}
      {rows.length > 0 && (
        <div
          className="shell-table-scroll"
          role="region"
          aria-labelledby="data-access-title"
          // Keyboard users can scroll a table wider than a phone screen.
          tabIndex={0}
        >
          <table className="shell-table" data-testid="data-access-log">
            <caption className="visually-hidden">
              {t('dataAccess.caption', { count: page?.totalCount ?? rows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dataAccess.time')}</th>
                <th scope="col">{t('dataAccess.field')}</th>
                <th scope="col">{t('dataAccess.who')}</th>
                <th scope="col">{t('dataAccess.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="data-access-entry" data-self={row.self}>
                  <td>
                    <time dateTime={row.at}>{format.format(new Date(row.at))}</time>
                  </td>
                  <td>{fieldText(row, t)}</td>
                  <td>{accessorText(row, i18n.language, t)}</td>
                  <td>{purposeText(row, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && rows.length > 0 && (
        <p className="shell-muted shell-table-count" aria-live="polite">
          {t('dataAccess.shown', { shown: rows.length, total: page.totalCount })}
        </p>
      )}
      {page?.pageInfo.hasNextPage && (
        <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="data-access-more">
          {t('dataAccess.loadMore')}
        </Button>
      )}
      {moreFailed && (
        <span className="shell-field-error" role="alert">
          {t('dataAccess.loadMoreFailed')}
        </span>
      )}
    </section>
  );
}
