import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ME } from '../identity/operations';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useSession } from '../session/SessionContext';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ConsentsSection } from './ConsentsSection';
import { DataAccessLogSection } from './DataAccessLogSection';
import { DeletionSection } from './DeletionSection';
import { DownloadMyDataSection } from './DownloadMyDataSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { TotpSection } from './TotpSection';

/**
 * `/account` (账户中心): profile with masked fields, who viewed my data, password, second factor,
 * devices; for a person: consents, download my data, delete my account.
 */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.centre'));
  const { state, manager, client } = useSession();
  const { data, loading, error, refetch } = useQuery(ME, { fetchPolicy: 'cache-and-network' });
  const account = data?.me;

  // Signed in here but unknown to the server: the session was ended elsewhere (e.g. everywhere).
  const ended = state.status === 'signed-in' && data !== undefined && data.me === null && !loading;
  useEffect(() => {
    if (ended) manager.expire();
  }, [ended, manager]);

  // Staff must set up TOTP before anything else; their session allows nothing more until then.
  const mustEnrol = !!account && account.secondFactorRequired && !account.totpEnabled;
  // Then an initial password from an administrator must go before the roles come.
  const mustChangePassword = !!account && !mustEnrol && account.passwordChangeRequired;
  const refreshAll = () => void client.refetchQueries({ include: 'active' });

  return (
    <div className="shell-account" data-testid="account-page">
      <h1>{t('account.centre')}</h1>
      {!account && loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {!account && error && (
        <Alert
          type="warning"
          showIcon
          title={t('account.loadFailed')}
          action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
        />
      )}
      {account && mustEnrol && (
        <>
          <Alert type="warning" showIcon className="shell-form-alert" title={t('totp.mustEnrol')} />
          <section className="shell-panel" aria-labelledby="security-title">
            <h2 id="security-title">{t('account.securityTitle')}</h2>
            <TotpSection account={account} onEnabled={refreshAll} />
          </section>
        </>
      )}
      {account && mustChangePassword && (
        <>
          <Alert
            type="warning"
            showIcon
            className="shell-form-alert"
            data-testid="must-change-password"
            title={t('password.mustChange')}
          />
          <section className="shell-panel" aria-labelledby="security-title">
            <h2 id="security-title">{t('account.securityTitle')}</h2>
            <ChangePasswordForm onChanged={refreshAll} />
          </section>
        </>
      )}
      {account && !mustEnrol && !mustChangePassword && (
        <>
          <ProfileSection account={account} />
          <DataAccessLogSection />
          <section className="shell-panel" aria-labelledby="security-title">
            <h2 id="security-title">{t('account.securityTitle')}</h2>
            <ChangePasswordForm onChanged={refreshAll} />
            <TotpSection account={account} onEnabled={refreshAll} />
            <SessionsSection />
          </section>
          {account.person && (
            <>
              <ConsentsSection />
              <DownloadMyDataSection onExported={refreshAll} />
              {account.roles.includes('resident') && <DeletionSection />}
            </>
          )}
        </>
      )}
    </div>
  );
}
