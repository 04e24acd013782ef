import { Tag } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { DeadlineClock } from '../../components/DeadlineClock';
import { StateTag } from '../../components/StateTag';
import { applicantMarkers } from '../../domain/application-state';
import { formatDateTime } from '../../domain/datetime';
import type { ApplicationCardFields } from '../../graphql/types';

/** One of the resident's applications: what, which, where it stands, the clock, what they must do. */
export function ApplicationCard({ application }: { application: ApplicationCardFields }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const draft = application.state === 'DRAFT';
  // A draft opens the wizard where it was left; anything else opens its detail page.
  const href = draft
    ? to(`apply/${encodeURIComponent(application.serviceItem.id)}`)
    : to(`applications/${encodeURIComponent(application.id)}`);
  const markers = applicantMarkers(application);
  return (
    <li className="aff-card aff-app-card" data-testid="application-card" data-state={application.state}>
      <h2 className="aff-app-card__title">
        <Link to={href} className="aff-app-card__link" lang="zh-CN">
          {application.terms.itemName}
        </Link>
      </h2>
      <p className="aff-app-card__meta">
        <span>
          {t('application.reference')} <span data-testid="card-reference">{application.reference}</span>
        </span>
        <span lang="zh-CN">{application.terms.departmentName}</span>
      </p>
      <div className="aff-app-card__tags">
        <StateTag state={application.state} label={application.stateLabel} />
        {markers.map((marker) => (
          <Tag key={marker} className={`aff-tag aff-tag--marker-${marker}`} data-testid={`marker-${marker}`}>
            {t(`marker.${marker}`)}
          </Tag>
        ))}
      </div>
      <DeadlineClock
        compact
        state={application.state}
        deadline={application.deadline}
        acceptanceDueAt={application.acceptanceDueAt}
      />
      <p className="aff-muted aff-small aff-app-card__time">
        {application.submittedAt
          ? t('application.submittedAt', { time: formatDateTime(application.submittedAt, locale) })
          : t('application.startedAt', { time: formatDateTime(application.createdAt, locale) })}
      </p>
      <RightOutlined className="aff-app-card__chevron" aria-hidden />
    </li>
  );
}
