import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { SignInForm } from '../identity/SignInForm';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { safeReturnTo } from '../session/return-to';
import { useSession } from '../session/SessionContext';
import { SessionPending } from '../session/SessionPending';

/** `/signin?returnTo=…`: password, then the second factor for staff; back to where the resident was. */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const [params] = useSearchParams();
  const { state: navigationState } = useLocation() as { state: { notice?: string } | null };
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { state } = useSession();
  // A limited session (TOTP enrolment, initial password) can do nothing but its one step there.
  const [limited, setLimited] = useState(false);

  if (state.status === 'restoring') return <SessionPending />;
  if (state.status === 'signed-in') {
    return <Navigate to={limited ? '/account' : returnTo} replace />;
  }

  // Why the resident is here: signed out after being idle, elsewhere, everywhere…
  const reason = navigationState?.notice ?? (state.reason !== 'signed-out' ? state.reason : null);
  const notice = reason ? t(`auth.signedOut.${reason}`, { defaultValue: '' }) : null;
  const signUpLink = returnTo === '/' ? '/signup' : `/signup?returnTo=${encodeURIComponent(returnTo)}`;

  return (
    <section className="shell-auth" aria-labelledby="signin-title">
      <div className="shell-auth__card">
        <h1 id="signin-title">{t('auth.signInTitle')}</h1>
        {notice && (
          <Alert
            data-testid="signin-notice"
            type="info"
            showIcon
            role="status"
            className="shell-form-alert"
            title={notice}
          />
        )}
        <SignInForm
          name="signin"
          onSignedIn={(r) => setLimited(r.totpEnrolmentRequired || r.passwordChangeRequired)}
        />
        <p className="shell-auth__switch">
          {t('auth.noAccount')} <Link to={signUpLink}>{t('auth.signUpLink')}</Link>
        </p>
      </div>
    </section>
  );
}
