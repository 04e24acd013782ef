import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useLicencesContext, useLicencesPath } from '../../app/licences-context';
import { LicenceStatusTag } from '../../components/LicenceStatusTag';
import { NotFound } from '../../components/NotFound';
import { formatDateTime } from '../../domain/datetime';
import { isUsable } from '../../domain/licence-status';
import { DownloadPanel } from './DownloadPanel';
import { LicenceFacts } from './LicenceFacts';
import { PresentPanel } from './PresentPanel';
import { LICENCE } from './queries';
import { SharePanel } from './SharePanel';
import { StatusHistory } from './StatusHistory';

/** A licence: show it as a QR code, its fields, who may use it and every use, its history, the file. */
export function LicencePage() {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const to = useLicencesPath();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(LICENCE, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const licence = data?.licence ?? null;
  const name = licence ? (licence.type?.name ?? licence.name) : undefined;
  useDocumentTitle(name);

  if (!licence) {
    if (loading && !data) {
      return (
        <div className="lic-page">
          <LoadingBlock rows={10} />
        </div>
      );
    }
    if (error && !data) {
      return (
        <div className="lic-page">
          <QueryError error={error} onRetry={reload} retrying={loading} />
        </div>
      );
    }
    return (
      <NotFound
        title={t('errors.licenceNotFound')}
        body={t('errors.licenceNotFoundBody')}
        backTo={to()}
        backLabel={t('wallet.title')}
      />
    );
  }

  return (
    <div className="lic-page" data-testid="licence-page" data-status={licence.status}>
      <PageHeading
        title={name}
        crumbs={[{ label: t('wallet.title'), to: to() }, { label: name ?? licence.name }]}
        titleTestId="licence-title"
      >
        <p className="lic-heading-meta">
          <LicenceStatusTag status={licence.status} />
          <span lang={licence.type ? undefined : 'zh-CN'}>
            {licence.type?.authority.name ?? licence.issuerName}
          </span>
        </p>
      </PageHeading>
      {!isUsable(licence.status) && (
        <Alert
          type={licence.status === 'REVOKED' ? 'error' : 'warning'}
          showIcon
          title={t(`statusNotice.${licence.status}`)}
          description={
            <>
              {licence.statusReason && (
                <span>{t('licence.statusReason', { reason: licence.statusReason })} </span>
              )}
              {licence.statusChangedAt && (
                <span className="lic-muted">
                  {t('licence.statusChangedAt', { time: formatDateTime(licence.statusChangedAt, locale) })}
                </span>
              )}
            </>
          }
          data-testid="status-notice"
        />
      )}
      <div className="lic-licence-layout">
        <div className="lic-licence-layout__main">
          <PresentPanel licence={licence} />
          <LicenceFacts licence={licence} />
          <SharePanel licence={licence} />
        </div>
        <div className="lic-licence-layout__side">
          <StatusHistory history={licence.history} />
          <DownloadPanel licence={licence} />
        </div>
      </div>
    </div>
  );
}
