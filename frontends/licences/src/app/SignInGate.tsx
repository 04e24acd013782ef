import { Button, Result } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LoadingBlock } from '@bianmin/frontend-kit/react';
import { useLicencesContext } from './licences-context';

/**
 * The wallet is personal, so every page of it needs sign-in (the verify page does not). `signedIn`
 * is also false while the shell is still restoring a session after a reload: `getAccessToken()`
 * settles that (null means really signed out). Someone who arrives signed out goes to the shell's
 * sign-in page and comes back here; someone whose session ends on the page keeps the page (the
 * shell opens its sign-in dialog over it) and sees why it is empty.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { auth } = useLicencesContext();
  const { pathname, search, hash } = useLocation();
  const returnTo = `${pathname}${search}${hash}`;
  const [signedOut, setSignedOut] = useState(false);
  const everSignedIn = useRef(false);

  useEffect(() => {
    if (auth.signedIn) {
      everSignedIn.current = true;
      return;
    }
    let live = true;
    auth.getAccessToken().then(
      (token) => {
        if (!live) return;
        setSignedOut(token === null);
        if (token === null && !everSignedIn.current) auth.requireSignIn(returnTo);
      },
      // The session server could not be reached: the shell keeps the session and retries.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [auth, returnTo]);

  if (auth.signedIn) return <>{children}</>;
  if (!signedOut) return <LoadingBlock rows={4} label={t('signIn.checking')} />;
  return (
    <section className="lic-panel" data-testid="sign-in-required" aria-labelledby="lic-sign-in-title">
      <Result
        status="info"
        title={
          <h1 id="lic-sign-in-title" className="lic-result-title">
            {t('signIn.title')}
          </h1>
        }
        subTitle={t('signIn.body')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<LoginOutlined aria-hidden />}
            onClick={() => auth.requireSignIn(returnTo)}
            data-testid="sign-in"
          >
            {t('signIn.action')}
          </Button>
        }
      />
    </section>
  );
}
