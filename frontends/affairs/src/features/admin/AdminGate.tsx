import { Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, QueryError } from '@bianmin/frontend-kit/react';
import { useAffairsPath } from '../../app/affairs-context';
import { useViewer } from '../../app/viewer';
import { isAdministrator } from '../../domain/viewer-roles';

/**
 * The working calendar and the 秒批 rules are for administrators (the API refuses everyone else
 * anyway): others get a clear page instead of refusals.
 */
export function AdminGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const { viewer, loading, error, refetch } = useViewer();

  if (loading) return <LoadingBlock rows={6} />;
  if (error && !viewer) return <QueryError error={error} onRetry={() => refetch()} />;
  if (!isAdministrator(viewer?.roles)) {
    return (
      <section className="aff-panel" data-testid="admin-only" aria-labelledby="aff-admin-only-title">
        <Result
          icon={<LockOutlined aria-hidden />}
          title={
            <h1 id="aff-admin-only-title" className="aff-result-title">
              {t('admin.only.title')}
            </h1>
          }
          subTitle={t('admin.only.body')}
          extra={<Link to={to()}>{t('nav.mine')}</Link>}
        />
      </section>
    );
  }
  return <>{children}</>;
}
