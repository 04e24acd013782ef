import { useQuery } from '@apollo/client/react';
import { Checkbox, Empty } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  LoadingBlock,
  LoadMore,
  QueryError,
  useDocumentTitle,
  usePagedConnection,
} from '@bianmin/frontend-kit/react';
import { useLocalizedName } from '../../app/services-context';
import { PageHeading } from '../../components/PageHeading';
import { ServiceItemCard } from '../../components/ServiceItemCard';
import { isServiceCategory, type ServiceItemFilter } from '../../graphql/types';
import { DEPARTMENTS, LIFE_EVENTS } from '../home/queries';
import { BROWSE_SERVICE_ITEMS } from './queries';

const PAGE_SIZE = 20;

export type BrowseKind = 'lifeEvent' | 'department' | 'category';

/** Service items of one life event, department or topic, with a few filters. */
export function BrowsePage({ kind }: { kind: BrowseKind }) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const heading = useBrowseHeading(kind, code);
  useDocumentTitle(heading.title);

  const [zeroVisits, setZeroVisits] = useState(false);
  const [instantOnly, setInstantOnly] = useState(false);
  const [onlineOnly, setOnlineOnly] = useState(false);

  const filter = useMemo<ServiceItemFilter>(() => {
    const f: ServiceItemFilter = {};
    if (kind === 'lifeEvent') f.lifeEvent = code;
    if (kind === 'department') f.department = code;
    if (kind === 'category' && isServiceCategory(code)) f.category = code;
    if (zeroVisits) f.maxVisits = 0;
    if (instantOnly) f.instantApproval = true;
    if (onlineOnly) f.channel = 'ONLINE';
    return f;
  }, [kind, code, zeroVisits, instantOnly, onlineOnly]);

  return (
    <div className="svc-page">
      <PageHeading
        title={heading.title}
        lead={heading.lead}
        leadLang="zh-CN"
        crumbs={[{ label: t(`browse.${kind}`) }, { label: heading.title }]}
      >
        {heading.phone && (
          <p className="svc-muted">
            <PhoneOutlined aria-hidden /> {t('browse.hotline')}:{' '}
            <a href={`tel:${heading.phone}`}>{heading.phone}</a>
          </p>
        )}
      </PageHeading>
      <fieldset className="svc-filters">
        <legend>{t('browse.filters')}</legend>
        <Checkbox
          checked={zeroVisits}
          onChange={(e) => setZeroVisits(e.target.checked)}
          data-testid="filter-zero-visits"
        >
          {t('browse.zeroVisits')}
        </Checkbox>
        <Checkbox
          checked={instantOnly}
          onChange={(e) => setInstantOnly(e.target.checked)}
          data-testid="filter-instant"
        >
          {t('browse.instantOnly')}
        </Checkbox>
        <Checkbox
          checked={onlineOnly}
          onChange={(e) => setOnlineOnly(e.target.checked)}
          data-testid="filter-online"
        >
          {t('browse.onlineOnly')}
        </Checkbox>
      </fieldset>
      <BrowseResults filter={filter} />
    </div>
  );
}

function BrowseResults({ filter }: { filter: ServiceItemFilter }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(BROWSE_SERVICE_ITEMS, {
    variables: { filter, first: PAGE_SIZE },
  });
  const connection = data?.serviceItems;
  const paging = usePagedConnection(connection, fetchMore);

  if (loading && !connection) return <LoadingBlock cards={3} />;
  if (error || !connection) {
    return <QueryError error={error} onRetry={() => refetch()} retrying={loading} />;
  }
  if (connection.edges.length === 0) return <Empty description={t('browse.empty')} />;
  return (
    <section className="svc-section" aria-label={t('common.items', { count: connection.totalCount })}>
      <p className="svc-muted" aria-live="polite" data-testid="browse-total">
        {t('common.items', { count: connection.totalCount })}
      </p>
      <ul className="svc-list">
        {connection.edges.map(({ node }) => (
          <li key={node.id} data-testid="browse-item">
            <ServiceItemCard item={node} headingLevel={2} />
          </li>
        ))}
      </ul>
      <LoadMore connection={connection} paging={paging} />
    </section>
  );
}

/** Title and description of what is being browsed; life events and departments come from the API. */
function useBrowseHeading(kind: BrowseKind, code: string): { title: string; lead?: string; phone?: string } {
  const { t } = useTranslation();
  const localized = useLocalizedName();
  const lifeEvents = useQuery(LIFE_EVENTS, { skip: kind !== 'lifeEvent' });
  const departments = useQuery(DEPARTMENTS, { skip: kind !== 'department' });

  if (kind === 'category') {
    return { title: isServiceCategory(code) ? t(`category.${code}`) : code };
  }
  if (kind === 'lifeEvent') {
    const event = lifeEvents.data?.lifeEvents?.find((e) => e.code === code);
    return event ? { title: localized(event), lead: event.description } : { title: code };
  }
  const department = departments.data?.departments?.find((d) => d.code === code);
  return department
    ? { title: localized(department), lead: department.description, phone: department.phone }
    : { title: code };
}
