import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 未找到: a page or a licence that is not there (or not the reader's), with the way back. */
export function NotFound({
  title,
  body,
  backTo,
  backLabel,
}: {
  title?: string;
  body?: string;
  backTo: string;
  backLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="lic-panel" data-testid="not-found">
      <Result
        status="404"
        title={<h1 className="lic-result-title">{title ?? t('errors.pageNotFound')}</h1>}
        subTitle={body}
        extra={<Link to={backTo}>{backLabel}</Link>}
      />
    </div>
  );
}
