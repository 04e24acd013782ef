import { Tag } from 'antd';
import { ClockCircleOutlined, ThunderboltOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ServiceItemCardFields } from '../graphql/types';
import { useDaysText } from './days';

type BadgeFields = Pick<ServiceItemCardFields, 'visits' | 'instantApproval' | 'promisedDays'>;

/** The three facts residents compare items by: visits, instant approval, promised time. */
export function ItemBadges({ item }: { item: BadgeFields }) {
  const { t } = useTranslation();
  const days = useDaysText();
  return (
    <ul className="svc-badges" aria-label={t('guide.facts')}>
      {item.visits === 0 ? (
        <li>
          <Tag
            className="svc-tag svc-tag--success"
            icon={<CheckCircleOutlined aria-hidden />}
            data-testid="badge-zero-visits"
          >
            {t('item.zeroVisits')}
          </Tag>
        </li>
      ) : (
        <li>
          <Tag>{t('item.visits', { count: item.visits })}</Tag>
        </li>
      )}
      {item.instantApproval && (
        <li>
          <Tag
            className="svc-tag svc-tag--instant"
            icon={<ThunderboltOutlined aria-hidden />}
            data-testid="badge-instant"
          >
            {t('item.instantApproval')}
          </Tag>
        </li>
      )}
      <li>
        <Tag className="svc-tag svc-tag--info" icon={<ClockCircleOutlined aria-hidden />}>
          {t('item.promisedShort', { value: days(item.promisedDays) })}
        </Tag>
      </li>
    </ul>
  );
}
