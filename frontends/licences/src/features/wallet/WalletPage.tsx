import { useQuery } from '@apollo/client/react';
import { Empty } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  LoadingBlock,
  LoadMore,
  PageHeading,
  QueryError,
  useDocumentTitle,
  usePagedConnection,
} from '@bianmin/frontend-kit/react';
import { SHELL_PATHS } from '../../app/licences-context';
import { groupLicences } from '../../domain/licence-status';
import type { LicenceCardFields } from '../../graphql/types';
import { LicenceCard } from './LicenceCard';
import { MY_LICENCES, PAGE_SIZE } from './queries';

/** 我的证照: the signed-in resident's licences, those in force first. */
export function WalletPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('wallet.title'));
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_LICENCES, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const connection = data?.myLicences;
  const paging = usePagedConnection(connection, fetchMore);
  const { inForce, notInForce } = groupLicences(connection?.edges.map((e) => e.node) ?? []);

  return (
    <div className="lic-page" data-testid="wallet">
      <PageHeading title={t('wallet.title')} lead={t('wallet.lead')} />
      <div className="lic-wallet__layout">
        <div className="lic-wallet__main">
          {loading && !data ? (
            <LoadingBlock cards={4} />
          ) : error && !data ? (
            <QueryError error={error} onRetry={reload} retrying={loading} />
          ) : !connection || connection.edges.length === 0 ? (
            <div className="lic-panel" data-testid="no-licences">
              <Empty
                description={
                  <>
                    <p className="lic-empty-title">{t('wallet.empty')}</p>
                    <p className="lic-muted">{t('wallet.emptyBody')}</p>
                    <Link to={SHELL_PATHS.services}>{t('wallet.findService')}</Link>
                  </>
                }
              />
            </div>
          ) : (
            <>
              <p className="lic-muted" data-testid="licences-total">
                {t('wallet.total', { count: connection.totalCount })}
              </p>
              <LicenceGroup id="lic-in-force" title={t('wallet.inForce')} licences={inForce} />
              <LicenceGroup id="lic-not-in-force" title={t('wallet.notInForce')} licences={notInForce} />
              <LoadMore connection={connection} paging={paging} />
            </>
          )}
        </div>
        <aside className="lic-panel lic-wallet__about" aria-labelledby="lic-wallet-about">
          <h2 id="lic-wallet-about">
            <SafetyCertificateOutlined aria-hidden /> {t('wallet.aboutTitle')}
          </h2>
          <ul className="lic-bullets">
            <li>{t('wallet.aboutPresent')}</li>
            <li>{t('wallet.aboutShare')}</li>
            <li>{t('wallet.aboutVerify')}</li>
          </ul>
          <Link to={SHELL_PATHS.verify} data-testid="to-verify">
            {t('wallet.verifyLink')}
          </Link>
        </aside>
      </div>
    </div>
  );
}

function LicenceGroup({ id, title, licences }: { id: string; title: string; licences: LicenceCardFields[] }) {
  if (licences.length === 0) return null;
  return (
    <section className="lic-wallet__group" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="lic-group-title">
        {title} <span className="lic-muted lic-small">({licences.length})</span>
      </h2>
      <ul className="lic-grid lic-licence-grid">
        {licences.map((licence) => (
          <LicenceCard key={licence.id} licence={licence} />
        ))}
      </ul>
    </section>
  );
}
