import { useQuery } from '@apollo/client/react';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useLocalizedName, useServicesContext, useServicesPath } from '../../app/services-context';
import { ServiceItemCard } from '../../components/ServiceItemCard';
import { SERVICE_CATEGORIES } from '../../graphql/types';
import { SearchBox } from '../search/SearchBox';
import { DEPARTMENTS, LIFE_EVENTS, POPULAR_ITEMS } from './queries';

/** Life events shown before "show all": two rows on a phone, enough to scroll past. */
const LIFE_EVENTS_PREVIEW = 8;

export function HomePage() {
  const { t } = useTranslation();
  const to = useServicesPath();
  useDocumentTitle(t('home.heroTitle'));
  return (
    <div className="svc-page svc-home">
      <section className="svc-hero" aria-labelledby="svc-home-title">
        <h1 id="svc-home-title">{t('home.heroTitle')}</h1>
        <p className="svc-lead">{t('home.heroLead')}</p>
        <SearchBox />
        <Link to={to('nearby')} className="svc-hero__nearby" data-testid="nearby-link">
          <EnvironmentOutlined aria-hidden />
          <span className="svc-hero__nearby-text">
            <strong>{t('home.nearbyCta')}</strong>
            <span className="svc-muted"> · {t('home.nearbyCtaLead')}</span>
          </span>
          <RightOutlined aria-hidden />
        </Link>
      </section>
      <LifeEventsSection />
      <PopularSection />
      <CategoriesSection />
      <DepartmentsSection />
    </div>
  );
}

function LifeEventsSection() {
  const { t } = useTranslation();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const { data, loading, error, refetch } = useQuery(LIFE_EVENTS);
  const lifeEvents = data?.lifeEvents;
  const [showAll, setShowAll] = useState(false);
  const collapsible = (lifeEvents?.length ?? 0) > LIFE_EVENTS_PREVIEW;
  const visible =
    lifeEvents && collapsible && !showAll ? lifeEvents.slice(0, LIFE_EVENTS_PREVIEW) : lifeEvents;
  return (
    <section className="svc-section" aria-labelledby="svc-life-events">
      <h2 id="svc-life-events" className="svc-section__title">
        {t('home.lifeEvents')}
      </h2>
      <p className="svc-muted">{t('home.lifeEventsLead')}</p>
      {loading && !lifeEvents ? (
        <LoadingBlock cards={4} />
      ) : error || !lifeEvents ? (
        <QueryError compact error={error} onRetry={() => refetch()} retrying={loading} />
      ) : (
        <>
          <ul id="svc-life-event-list" className="svc-grid svc-grid--tiles" data-testid="life-events">
            {(visible ?? []).map((event) => (
              <li key={event.code}>
                <Link
                  to={to(`life-events/${encodeURIComponent(event.code)}`)}
                  className="svc-tile"
                  data-testid="life-event"
                >
                  <span className="svc-tile__title">{localized(event)}</span>
                  <span className="svc-tile__meta">
                    {t(`audience.${event.audience}`)} · {t('common.items', { count: event.serviceItemCount })}
                  </span>
                  <span className="svc-tile__desc" lang="zh-CN">
                    {event.description}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {collapsible && (
            <Button
              size="large"
              block
              aria-expanded={showAll}
              aria-controls="svc-life-event-list"
              onClick={() => setShowAll(!showAll)}
              data-testid="life-events-toggle"
            >
              {showAll ? t('home.showFewer') : t('home.showAllLifeEvents', { count: lifeEvents.length })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

function PopularSection() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(POPULAR_ITEMS);
  const connection = data?.serviceItems;
  return (
    <section className="svc-section" aria-labelledby="svc-popular">
      <h2 id="svc-popular" className="svc-section__title">
        {t('home.popular')}
      </h2>
      {loading && !connection ? (
        <LoadingBlock cards={3} />
      ) : error || !connection ? (
        <QueryError compact error={error} onRetry={() => refetch()} retrying={loading} />
      ) : (
        <ul className="svc-grid" data-testid="popular-items">
          {connection.edges.map(({ node }) => (
            <li key={node.id}>
              <ServiceItemCard item={node} testId="popular-item" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CategoriesSection() {
  const { t } = useTranslation();
  const to = useServicesPath();
  const { elderly } = useServicesContext();
  return (
    <section className="svc-section" aria-labelledby="svc-categories">
      <h2 id="svc-categories" className="svc-section__title">
        {t('home.categories')}
      </h2>
      <ul className={elderly ? 'svc-chips svc-chips--stacked' : 'svc-chips'}>
        {SERVICE_CATEGORIES.map((category) => (
          <li key={category}>
            <Link to={to(`categories/${category}`)} className="svc-chip">
              {t(`category.${category}`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DepartmentsSection() {
  const { t } = useTranslation();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const { data, loading, error, refetch } = useQuery(DEPARTMENTS);
  const departments = data?.departments;
  return (
    <section className="svc-section" aria-labelledby="svc-departments">
      <h2 id="svc-departments" className="svc-section__title">
        {t('home.departments')}
      </h2>
      {loading && !departments ? (
        <LoadingBlock rows={4} />
      ) : error || !departments ? (
        <QueryError compact error={error} onRetry={() => refetch()} retrying={loading} />
      ) : (
        <ul className="svc-department-list" data-testid="departments">
          {departments.map((department) => (
            <li key={department.code}>
              <Link to={to(`departments/${encodeURIComponent(department.code)}`)} data-testid="department">
                <span>{localized(department)}</span>
                <span className="svc-muted">{t('common.items', { count: department.serviceItemCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
