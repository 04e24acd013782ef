import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalizedName, useServicesPath } from '../app/services-context';
import type { ServiceItemCardFields } from '../graphql/types';
import { ItemBadges } from './ItemBadges';

interface Props {
  item: ServiceItemCardFields;
  /** Heading level inside the list's section, to keep the outline right. */
  headingLevel?: 2 | 3;
  testId?: string;
}

/** One service item in a list: the whole card is one link to its guide. */
export function ServiceItemCard({ item, headingLevel = 3, testId }: Props) {
  const { t } = useTranslation();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="svc-card svc-item-card" data-testid={testId} data-code={item.code}>
      <Heading className="svc-item-card__title">
        <Link to={to(`items/${encodeURIComponent(item.code)}`)} className="svc-item-card__link">
          {localized(item)}
        </Link>
      </Heading>
      <p className="svc-item-card__meta">
        <span>{localized(item.department)}</span>
        <span aria-hidden="true"> · </span>
        <span>
          {t('item.code')} {item.code}
        </span>
      </p>
      <p className="svc-item-card__summary" lang="zh-CN">
        {item.summary}
      </p>
      <ItemBadges item={item} />
      <RightOutlined className="svc-item-card__chevron" aria-hidden />
    </article>
  );
}
