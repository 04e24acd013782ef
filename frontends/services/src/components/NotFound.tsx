import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServicesPath } from '../app/services-context';

export function NotFound({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  const to = useServicesPath();
  return (
    <div className="svc-panel" data-testid="not-found">
      <Result
        status="404"
        title={<h1 className="svc-result-title">{title ?? t('errors.pageNotFound')}</h1>}
        subTitle={body}
        extra={<Link to={to()}>{t('app.home')}</Link>}
      />
    </div>
  );
}
