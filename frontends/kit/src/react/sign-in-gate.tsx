import { Button, Result } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { RemoteAuth } from '../auth';
import { LoadingBlock } from './query-status';
import { useRemoteUi } from './remote-ui';

export interface SignInGateProps {
  /** The `auth` prop the shell gave the remote. */
  auth: RemoteAuth;
  /** The remote's words: while checking, the title and body of the notice, the button. */
  text: { checking: string; title: string; body: string; action: string };
  children: ReactNode;
}

/**
 * For pages that are personal: their content only for a signed-in person. `signedIn` is also
 * false while the shell is still restoring a session after a reload: `getAccessToken()` settles
 * that (null means really signed out). Someone who arrives signed out goes to the shell's sign-in
 * page and comes back here; someone whose session ends on the page keeps the page (the shell opens
 * its sign-in dialog over it) and sees why it is empty.
 */
export function SignInGate({ auth, text, children }: SignInGateProps) {
  const { cls } = useRemoteUi();
  const titleId = useId();
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
  if (!signedOut) return <LoadingBlock rows={4} label={text.checking} />;
  return (
    <section className={cls('panel')} data-testid="sign-in-required" aria-labelledby={titleId}>
      <Result
        status="info"
        title={
          <h1 id={titleId} className={cls('result-title')}>
            {text.title}
          </h1>
        }
        subTitle={text.body}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<LoginOutlined aria-hidden />}
            onClick={() => auth.requireSignIn(returnTo)}
            data-testid="sign-in"
          >
            {text.action}
          </Button>
        }
      />
    </section>
  );
}
