import { Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, QueryError } from '@bianmin/frontend-kit/react';
import { useAffairsPath } from '../../app/affairs-context';
import { useViewer } from '../../app/viewer';

/**
 * The workbench is for department staff and supervisors (the API refuses everyone else anyway):
 * others get a clear page instead of empty lists.
 */
export function StaffGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const { viewer, loading, error, refetch, staff } = useViewer();

  if (loading) return <LoadingBlock rows={6} />;
  if (error && !viewer) {
    return <QueryError error={error} onRetry={() => refetch()} />;
  }
  if (!staff) {
    return (
      <section className="aff-panel" data-testid="staff-only" aria-labelledby="aff-staff-only-title">
        <Result
          icon={<LockOutlined aria-hidden />}
          title={
            <h1 id="aff-staff-only-title" className="aff-result-title">
              {t('workbench.staffOnly')}
            </h1>
          }
          subTitle={t('workbench.staffOnlyBody')}
          extra={<Link to={to()}>{t('nav.mine')}</Link>}
        />
      </section>
    );
  }
  return <>{children}</>;
}
