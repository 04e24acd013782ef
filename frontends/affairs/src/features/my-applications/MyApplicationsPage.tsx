import { useQuery } from '@apollo/client/react';
import { Empty } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  LoadingBlock,
  LoadMore,
  PageHeading,
  QueryError,
  useDocumentTitle,
  usePagedConnection,
} from '@bianmin/frontend-kit/react';
import { ApplicationCard } from './ApplicationCard';
import { NotificationsPanel } from './NotificationsPanel';
import { MY_APPLICATIONS, PAGE_SIZE } from './queries';

/** The catalog's guide pages (the services remote) — a plain shell path, never an import. */
const FIND_A_SERVICE = '/services';

/** 我的办件: the resident's applications, newest first, and their in-app messages. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mine.title'));
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_APPLICATIONS, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const connection = data?.myApplications;
  const paging = usePagedConnection(connection, fetchMore);

  return (
    <div className="aff-page" data-testid="my-applications">
      <PageHeading title={t('mine.title')} lead={t('mine.lead')} />
      <div className="aff-mine__layout">
        <section className="aff-mine__list" aria-labelledby="aff-mine-list">
          <h2 id="aff-mine-list" className="aff-visually-hidden">
            {t('mine.listTitle')}
          </h2>
          {loading && !data ? (
            <LoadingBlock cards={4} />
          ) : error && !data ? (
            <QueryError error={error} onRetry={reload} retrying={loading} />
          ) : !connection || connection.edges.length === 0 ? (
            <div className="aff-panel" data-testid="no-applications">
              <Empty
                description={
                  <>
                    <p>{t('mine.empty')}</p>
                    <Link to={FIND_A_SERVICE}>{t('mine.findService')}</Link>
                  </>
                }
              />
            </div>
          ) : (
            <>
              <p className="aff-muted" data-testid="applications-total">
                {t('mine.total', { count: connection.totalCount })}
              </p>
              <ul className="aff-list">
                {connection.edges.map(({ node }) => (
                  <ApplicationCard key={node.id} application={node} />
                ))}
              </ul>
              <LoadMore connection={connection} paging={paging} />
            </>
          )}
        </section>
        <aside className="aff-mine__aside" aria-label={t('notifications.title')}>
          <NotificationsPanel />
          {connection && connection.edges.length > 0 && (
            <p className="aff-panel aff-mine__find">
              <Link to={FIND_A_SERVICE}>{t('mine.findService')}</Link>
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
