import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Collapse, Tag } from 'antd';
import {
  AimOutlined,
  FormOutlined,
  GlobalOutlined,
  MobileOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadingBlock, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useLocalizedName, useServicesContext, useServicesPath } from '../../app/services-context';
import { useDaysText } from '../../components/days';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { ServicePointSummary } from '../../components/ServicePointSummary';
import type { Channel } from '../../graphql/types';
import { SERVICE_GUIDE, type ServiceGuide } from './queries';

const CHANNEL_ICONS: Record<Channel, ReactNode> = {
  ONLINE: <GlobalOutlined aria-hidden />,
  IN_PERSON: <ShopOutlined aria-hidden />,
  MOBILE: <MobileOutlined aria-hidden />,
};

/** 办事指南 — everything a resident needs before applying for one service item. */
export function GuidePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SERVICE_GUIDE, { variables: { code } });
  const item = data?.serviceItemByCode;
  const localized = useLocalizedName();
  useDocumentTitle(item ? localized(item) : undefined);

  if (loading && !data) {
    return (
      <div className="svc-page">
        <LoadingBlock rows={8} />
      </div>
    );
  }
  if (error || !data) {
    return (
      <div className="svc-page">
        <QueryError error={error} onRetry={() => refetch()} retrying={loading} />
      </div>
    );
  }
  if (!item) return <NotFound title={t('errors.notFoundTitle')} body={t('errors.notFoundBody', { code })} />;
  return <Guide item={item} />;
}

function Guide({ item }: { item: ServiceGuide }) {
  const { t } = useTranslation();
  const { locale, elderly } = useServicesContext();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const days = useDaysText();
  const title = localized(item);
  const faster =
    item.legalDays > 0 && item.promisedDays < item.legalDays
      ? Math.round((1 - item.promisedDays / item.legalDays) * 100)
      : 0;
  const updated = new Date(item.updatedAt);
  const updatedText = Number.isNaN(updated.getTime())
    ? item.updatedAt
    : updated.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });

  return (
    <article className={elderly ? 'svc-page svc-guide svc-guide--simple' : 'svc-page svc-guide'}>
      <PageHeading
        title={title}
        titleTestId="guide-title"
        crumbs={[
          {
            label: localized(item.department),
            to: to(`departments/${encodeURIComponent(item.department.code)}`),
          },
          { label: title },
        ]}
      >
        {locale === 'en' && item.nameEn && (
          <p className="svc-muted" lang="zh-CN">
            {item.name}
          </p>
        )}
        <p className="svc-guide__meta">
          <Tag>{t(`kind.${item.kind}`)}</Tag>
          <Tag>{t(`category.${item.category}`)}</Tag>
          <span className="svc-muted">
            {t('item.code')} {item.code} · {localized(item.department)}
          </span>
        </p>
        <ul className="svc-badges">
          {item.visits === 0 && (
            <li>
              <Tag className="svc-tag svc-tag--success" data-testid="zero-visits-badge">
                {t('item.zeroVisits')}
              </Tag>
            </li>
          )}
          {item.instantApproval && (
            <li>
              <Tag
                className="svc-tag svc-tag--instant"
                icon={<ThunderboltOutlined aria-hidden />}
                data-testid="instant-approval-badge"
              >
                {t('item.instantApproval')}
              </Tag>
            </li>
          )}
        </ul>
        {item.channels.includes('ONLINE') && <ApplyOnline itemId={item.id} />}
      </PageHeading>

      <div className="svc-guide__layout">
        <div className="svc-guide__main">
          <section className="svc-panel svc-facts" aria-labelledby="guide-facts">
            <h2 id="guide-facts">{t('guide.facts')}</h2>
            <dl className="svc-facts__list">
              <div>
                <dt>{t('guide.legalLimit')}</dt>
                <dd data-testid="legal-days">{t('guide.legalDays', { value: days(item.legalDays) })}</dd>
              </div>
              <div className="svc-facts__promised">
                <dt>{t('guide.promisedLimit')}</dt>
                <dd>
                  <span data-testid="promised-days">
                    {t('guide.promisedDays', { value: days(item.promisedDays) })}
                  </span>
                  {faster > 0 && (
                    <span className="svc-facts__note">{t('guide.faster', { percent: faster })}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('guide.visits')}</dt>
                <dd data-testid="visits">
                  {item.visits === 0 ? t('item.zeroVisits') : t('item.visits', { count: item.visits })}
                </dd>
              </div>
              <div>
                <dt>{t('guide.fee')}</dt>
                <dd data-testid="fee">
                  {item.fee.free || item.fee.amountYuan == null
                    ? t('guide.free')
                    : t('guide.feeAmount', { amount: item.fee.amountYuan.toFixed(2) })}
                </dd>
              </div>
            </dl>
          </section>

          <GuideSection id="guide-summary" title={t('guide.summary')}>
            <p className="svc-prose" lang="zh-CN">
              {item.summary}
            </p>
          </GuideSection>

          <GuideSection id="guide-eligibility" title={t('guide.eligibility')}>
            <p className="svc-prose" lang="zh-CN">
              {item.eligibility}
            </p>
          </GuideSection>

          <Materials item={item} />

          {(item.fee.basis || item.fee.note) && (
            <GuideSection id="guide-fee" title={t('guide.fee')}>
              <p className="svc-prose">
                <strong>
                  {item.fee.free || item.fee.amountYuan == null
                    ? t('guide.free')
                    : t('guide.feeAmount', { amount: item.fee.amountYuan.toFixed(2) })}
                </strong>
              </p>
              {item.fee.basis && (
                <p className="svc-prose svc-muted">{t('guide.feeBasis', { basis: item.fee.basis })}</p>
              )}
              {item.fee.note && <p className="svc-prose svc-muted">{item.fee.note}</p>}
            </GuideSection>
          )}

          <GuideSection id="guide-channels" title={t('guide.channels')}>
            <ul className="svc-channels">
              {item.channels.map((channel) => (
                <li key={channel} data-testid="channel">
                  {CHANNEL_ICONS[channel]}
                  <span>
                    <strong>{t(`channel.${channel}`)}</strong>
                    <span className="svc-muted svc-block">{t(`channelHint.${channel}`)}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="svc-muted">
              <PhoneOutlined aria-hidden /> {t('guide.callDepartment')}: {localized(item.department)}{' '}
              <a href={`tel:${item.department.phone.replace(/[^\d+]/g, '')}`}>{item.department.phone}</a>
            </p>
          </GuideSection>

          {item.faq.length > 0 && (
            <GuideSection id="guide-faq" title={t('guide.faq')}>
              <Collapse
                size={elderly ? 'large' : 'middle'}
                items={item.faq.map((entry, i) => ({
                  key: String(i),
                  label: <span lang="zh-CN">{entry.question}</span>,
                  children: (
                    <p className="svc-prose" lang="zh-CN">
                      {entry.answer}
                    </p>
                  ),
                }))}
              />
            </GuideSection>
          )}

          {item.legalBasis.length > 0 && (
            <GuideSection id="guide-legal-basis" title={t('guide.legalBasis')}>
              <ul className="svc-bullets" lang="zh-CN">
                {item.legalBasis.map((basis) => (
                  <li key={basis}>{basis}</li>
                ))}
              </ul>
            </GuideSection>
          )}
        </div>

        <aside className="svc-guide__aside" aria-label={t('guide.whereToGo')}>
          <WhereToGo item={item} />
          {item.lifeEvents.length > 0 && (
            <section className="svc-panel" aria-labelledby="guide-life-events">
              <h2 id="guide-life-events">{t('guide.lifeEvents')}</h2>
              <ul className="svc-chips">
                {item.lifeEvents.map((event) => (
                  <li key={event.code}>
                    <Link className="svc-chip" to={to(`life-events/${encodeURIComponent(event.code)}`)}>
                      {localized(event)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>

      <p className="svc-muted svc-guide__version" data-testid="guide-version">
        {t('guide.version', { version: item.version, date: updatedText })}
      </p>
    </article>
  );
}

/**
 * 在线办理: the affairs remote's apply wizard. A plain link to the shell's route — remotes never
 * import each other; the shell loads the affairs remote for `/affairs/*`.
 */
const APPLY_ONLINE_PATH = '/affairs/apply/';

function ApplyOnline({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const href = `${APPLY_ONLINE_PATH}${encodeURIComponent(itemId)}`;
  return (
    <p className="svc-guide__meta">
      <Button
        type="primary"
        size="large"
        icon={<FormOutlined aria-hidden />}
        href={href}
        onClick={(event) => {
          // A plain click stays in the page (the shell's router); modified clicks open a new tab.
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          void navigate(href);
        }}
        data-testid="apply-online"
      >
        {t('guide.applyOnline')}
      </Button>
      <span className="svc-muted svc-small">{t('guide.applyOnlineHint')}</span>
    </p>
  );
}

function GuideSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="svc-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** 申请材料 as a checklist the resident can tick off while preparing. */
function Materials({ item }: { item: ServiceGuide }) {
  const { t } = useTranslation();
  const [prepared, setPrepared] = useState<ReadonlySet<number>>(new Set());
  const fromLicence = item.materials.filter((m) => m.fromLicence).length;

  function toggle(index: number, checked: boolean) {
    setPrepared((current) => {
      const next = new Set(current);
      if (checked) next.add(index);
      else next.delete(index);
      return next;
    });
  }

  return (
    <GuideSection id="guide-materials" title={t('guide.materials')}>
      <p className="svc-muted">{t('guide.materialsCount', { total: item.materials.length, fromLicence })}</p>
      <p className="svc-muted svc-small">{t('guide.materialsHint')}</p>
      <ol className="svc-materials">
        {item.materials.map((material, index) => (
          <li
            key={`${material.name}-${index}`}
            className={material.fromLicence ? 'svc-material svc-material--licence' : 'svc-material'}
            data-testid="material-item"
            data-from-licence={material.fromLicence ? 'true' : 'false'}
          >
            <Checkbox
              checked={prepared.has(index)}
              onChange={(e) => toggle(index, e.target.checked)}
              aria-label={`${t('guide.prepared')}: ${material.name}`}
            />
            <div className="svc-material__body">
              <p className="svc-material__name">
                <strong lang="zh-CN">{material.name}</strong>
                <Tag className={material.required ? 'svc-tag svc-tag--required' : 'svc-tag'}>
                  {material.required ? t('guide.required') : t('guide.optional')}
                </Tag>
                {material.fromLicence && (
                  <Tag
                    className="svc-tag svc-tag--success"
                    icon={<SafetyCertificateOutlined aria-hidden />}
                    data-testid="from-licence-tag"
                    title={t('guide.fromLicenceDetail', { name: material.fromLicence.name })}
                  >
                    {t('guide.fromLicence')}
                  </Tag>
                )}
              </p>
              <p className="svc-material__desc" lang="zh-CN">
                {material.description}
              </p>
              <p className="svc-muted svc-small">
                {[
                  material.originals > 0 ? t('guide.originals', { count: material.originals }) : null,
                  material.copies > 0 ? t('guide.copies', { count: material.copies }) : null,
                  material.fromLicence
                    ? t('guide.fromLicenceDetail', { name: material.fromLicence.name })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </GuideSection>
  );
}

/** The first few service points and the way to the nearest one. */
function WhereToGo({ item }: { item: ServiceGuide }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const to = useServicesPath();
  const nearbyUrl = to(`nearby?item=${encodeURIComponent(item.id)}&code=${encodeURIComponent(item.code)}`);
  return (
    <section className="svc-panel svc-where" aria-labelledby="guide-where">
      <h2 id="guide-where">{t('guide.whereToGo')}</h2>
      {item.servicePointCount === 0 ? (
        <p>{t('guide.noPoints')}</p>
      ) : (
        <>
          <p className="svc-muted">{t('guide.pointsCount', { count: item.servicePointCount })}</p>
          <Button
            type="primary"
            size="large"
            block
            icon={<AimOutlined aria-hidden />}
            onClick={() => void navigate(nearbyUrl)}
            data-testid="find-nearest"
          >
            {t('guide.findNearest')}
          </Button>
          <ul className="svc-where__points">
            {item.servicePoints.map((point) => (
              <li key={point.id} data-testid="guide-service-point">
                <h3 lang="zh-CN">{point.name}</h3>
                <p className="svc-muted svc-small">{t(`pointType.${point.type}`)}</p>
                <ServicePointSummary point={point} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
