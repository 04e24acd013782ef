import { Button, Result } from 'antd';
import { lazy, Suspense, useState, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RemoteManifestEntry } from '@bianmin/frontend-kit';
import { usePreferences } from '../preferences/PreferencesContext';
import { useSession } from '../session/SessionContext';
import { loadRemoteApp, type RemoteApp } from './federation-runtime';
import { RemoteErrorBoundary } from './RemoteErrorBoundary';
import { RemoteSkeleton } from './RemoteSkeleton';

function lazyRemote(remote: RemoteManifestEntry, fresh: boolean): LazyExoticComponent<RemoteApp> {
  return lazy(() => loadRemoteApp(remote, fresh));
}

interface Props {
  remote: RemoteManifestEntry;
  gatewayUrl: string;
}

/** One remote mounted under its base path, behind Suspense and an error boundary with retry. */
export function RemoteRoute({ remote, gatewayUrl }: Props) {
  const { t } = useTranslation();
  const { locale, elderly } = usePreferences();
  const { remoteAuth } = useSession();
  const title = remote.title[locale] ?? remote.name;
  // A new lazy component per attempt: React remembers a rejected lazy() for good.
  const [RemoteAppComponent, setRemoteAppComponent] = useState(() => lazyRemote(remote, false));

  return (
    <RemoteErrorBoundary
      onRetry={() => setRemoteAppComponent(() => lazyRemote(remote, true))}
      fallback={(retry) => (
        <section
          className="shell-remote-error"
          data-testid="remote-error"
          role="alert"
          aria-labelledby="remote-error-title"
        >
          <Result
            status="warning"
            title={<h1 id="remote-error-title">{t('remote.errorTitle', { title })}</h1>}
            subTitle={t('remote.errorBody')}
            extra={[
              <Button key="retry" type="primary" size="large" onClick={retry} data-testid="remote-retry">
                {t('remote.retry')}
              </Button>,
              <Link key="home" to="/" className="shell-text-link">
                {t('remote.goHome')}
              </Link>,
            ]}
          />
        </section>
      )}
    >
      <Suspense fallback={<RemoteSkeleton label={t('loading.remote', { title })} />}>
        <RemoteAppComponent
          basePath={remote.basePath}
          locale={locale}
          elderly={elderly}
          gatewayUrl={gatewayUrl}
          auth={remoteAuth}
        />
      </Suspense>
    </RemoteErrorBoundary>
  );
}
