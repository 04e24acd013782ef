import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1>{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/" className="shell-text-link">
          {t('notFound.back')}
        </Link>
      }
    />
  );
}
