import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { i18n } from 'i18next';
import type { RemoteManifestEntry } from '@bianmin/frontend-kit';
import { useRuntimeConfig } from './config/useRuntimeConfig';
import { AccountPage } from './account/AccountPage';
import { StaffAccountsPage } from './admin/StaffAccountsPage';
import { DeveloperPage } from './developer/DeveloperPage';
import { ShellLayout } from './layout/ShellLayout';
import { ConfigErrorPage } from './pages/ConfigErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { PreferencesProvider, usePreferences } from './preferences/PreferencesContext';
import type { Preferences } from './preferences/preferences';
import { RemoteRoute } from './remotes/RemoteRoute';
import { RemoteSkeleton } from './remotes/RemoteSkeleton';
import { ReauthDialog } from './session/ReauthDialog';
import { RequireSignIn } from './session/RequireSignIn';
import { SessionProvider } from './session/SessionContext';
import { themeFor } from './theme';

const NO_REMOTES: RemoteManifestEntry[] = [];

function ShellRoutes() {
  const { t } = useTranslation();
  const [state, retry] = useRuntimeConfig();

  if (state.status === 'loading') {
    return (
      <ShellLayout remotes={NO_REMOTES}>
        <RemoteSkeleton label={t('loading.app')} />
      </ShellLayout>
    );
  }
  if (state.status === 'error') {
    return (
      <ShellLayout remotes={NO_REMOTES}>
        <ConfigErrorPage onRetry={retry} />
      </ShellLayout>
    );
  }

  const { gatewayUrl, remotes } = state.config;
  const home = remotes[0]?.basePath;
  return (
    <SessionProvider gatewayUrl={gatewayUrl}>
      <ShellLayout remotes={remotes}>
        <Routes>
          {home && home !== '/' && <Route path="/" element={<Navigate to={home} replace />} />}
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route
            path="/account"
            element={
              <RequireSignIn>
                <AccountPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/admin/accounts"
            element={
              <RequireSignIn>
                <StaffAccountsPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/developer"
            element={
              <RequireSignIn>
                <DeveloperPage />
              </RequireSignIn>
            }
          />
          {/* Keyed by path: one remote may serve two paths (licences: /licences and /verify). */}
          {remotes.map((remote) => (
            <Route
              key={remote.basePath}
              path={`${remote.basePath === '/' ? '' : remote.basePath}/*`}
              element={
                <RemoteRoute
                  key={`${remote.name}/${remote.module}@${remote.entry}`}
                  remote={remote}
                  gatewayUrl={gatewayUrl}
                />
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
        <ReauthDialog />
      </ShellLayout>
    </SessionProvider>
  );
}

function ThemedShell() {
  const { locale, elderly } = usePreferences();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={themeFor(elderly)}>
      <BrowserRouter>
        <ShellRoutes />
      </BrowserRouter>
    </ConfigProvider>
  );
}

export function App({ i18n, preferences }: { i18n: i18n; preferences: Preferences }) {
  return (
    <I18nextProvider i18n={i18n}>
      <PreferencesProvider initial={preferences}>
        <ThemedShell />
      </PreferencesProvider>
    </I18nextProvider>
  );
}
