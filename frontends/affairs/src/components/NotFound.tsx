import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAffairsPath } from '../app/affairs-context';

export function NotFound({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  return (
    <div className="aff-panel" data-testid="not-found">
      <Result
        status="404"
        title={<h1 className="aff-result-title">{title ?? t('errors.pageNotFound')}</h1>}
        subTitle={body}
        extra={<Link to={to()}>{t('nav.mine')}</Link>}
      />
    </div>
  );
}
