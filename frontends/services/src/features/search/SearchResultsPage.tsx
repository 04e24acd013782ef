import { useQuery } from '@apollo/client/react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  LoadingBlock,
  LoadMore,
  QueryError,
  useDocumentTitle,
  usePagedConnection,
} from '@bianmin/frontend-kit/react';
import { useServicesPath } from '../../app/services-context';
import { PageHeading } from '../../components/PageHeading';
import { ServiceItemCard } from '../../components/ServiceItemCard';
import { SEARCH_SERVICE_ITEMS } from './queries';
import { SearchBox } from './SearchBox';

const PAGE_SIZE = 20;

export function SearchResultsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const hasQuery = params.has('q');
  const query = params.get('q') ?? '';
  useDocumentTitle(query.trim() ? t('search.resultsFor', { query: query.trim() }) : t('search.resultsTitle'));

  return (
    <div className="svc-page">
      <PageHeading title={t('search.resultsTitle')} crumbs={[{ label: t('search.resultsTitle') }]} />
      <SearchBox key={query} initialQuery={query} autoFocus={!hasQuery} />
      {hasQuery && <SearchResults query={query} />}
    </div>
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const to = useServicesPath();
  const { data, loading, error, refetch, fetchMore } = useQuery(SEARCH_SERVICE_ITEMS, {
    variables: { query, first: PAGE_SIZE },
  });
  const connection = data?.searchServiceItems;
  const paging = usePagedConnection(connection, fetchMore);

  if (loading && !connection) return <LoadingBlock cards={3} />;
  if (error || !connection) {
    return <QueryError error={error} onRetry={() => refetch()} retrying={loading} />;
  }

  const shown = connection.edges.length;
  return (
    <section className="svc-section" aria-labelledby="svc-results-heading">
      <h2 id="svc-results-heading" className="svc-section__title">
        {t('search.resultsFor', { query: query.trim() })}
      </h2>
      <p className="svc-muted" data-testid="search-total" aria-live="polite">
        {t('search.total', { count: connection.totalCount })}
      </p>
      {shown === 0 ? (
        <Empty
          description={
            <>
              <p>{t('search.noResults', { query: query.trim() })}</p>
              <p className="svc-muted">{t('search.noResultsHint')}</p>
              <Link to={to()}>{t('app.home')}</Link>
            </>
          }
        />
      ) : (
        <>
          <ol className="svc-list">
            {connection.edges.map(({ node }) => (
              <li key={node.id} data-testid="search-result">
                <ServiceItemCard item={node} />
              </li>
            ))}
          </ol>
          <LoadMore connection={connection} paging={paging} />
        </>
      )}
    </section>
  );
}
