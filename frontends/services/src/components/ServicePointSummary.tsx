import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ServicePointFields } from '../graphql/types';
import { AccessibilityTags } from './AccessibilityTags';
import { formatOpeningHours } from './opening-hours';

/** Address, hours, phone and accessibility of a service point, as a description list. */
export function ServicePointSummary({ point }: { point: ServicePointFields }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="svc-point-facts">
        <div>
          <dt>
            <EnvironmentOutlined aria-hidden /> {t('nearby.address')}
          </dt>
          <dd lang="zh-CN">{point.address}</dd>
        </div>
        <div>
          <dt>
            <ClockCircleOutlined aria-hidden /> {t('nearby.hours')}
          </dt>
          <dd>
            {formatOpeningHours(point.openingHours, t)}
            {point.openingNote && (
              <span className="svc-muted svc-block" lang="zh-CN">
                {point.openingNote}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <PhoneOutlined aria-hidden /> {t('nearby.phone')}
          </dt>
          <dd>
            <a href={`tel:${point.phone.replace(/[^\d+]/g, '')}`}>{point.phone}</a>
          </dd>
        </div>
      </dl>
      <AccessibilityTags facilities={point.accessibility} />
    </>
  );
}
