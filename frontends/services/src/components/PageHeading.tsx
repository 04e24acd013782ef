import { PageHeading as KitPageHeading, type PageHeadingProps } from '@bianmin/frontend-kit/react';
import { useTranslation } from 'react-i18next';
import { useServicesPath } from '../app/services-context';

/** The kit's page heading, with the trail always starting at this remote's home page. */
export function PageHeading({ crumbs = [], ...props }: PageHeadingProps) {
  const { t } = useTranslation();
  const to = useServicesPath();
  return <KitPageHeading {...props} crumbs={[{ label: t('app.home'), to: to() }, ...crumbs]} />;
}
