import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { i18n } from 'i18next';
import type { RemoteManifestEntry } from '@bianmin/frontend-kit';
import { useRuntimeConfig } from './config/useRuntimeConfig';
import { ShellLayout } from './layout/ShellLayout';
import { ConfigErrorPage } from './pages/ConfigErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PreferencesProvider, usePreferences } from './preferences/PreferencesContext';
import type { Preferences } from './preferences/preferences';
import { RemoteRoute } from './remotes/RemoteRoute';
import { RemoteSkeleton } from './remotes/RemoteSkeleton';
import { themeFor } from './theme';

const NO_REMOTES: RemoteManifestEntry[] = [];

function ShellRoutes() {
  const { t } = useTranslation();
  const [state, retry] = useRuntimeConfig();
  const remotes = state.status === 'ready' ? state.config.remotes : NO_REMOTES;

  let content;
  if (state.status === 'loading') content = <RemoteSkeleton label={t('loading.app')} />;
  else if (state.status === 'error') content = <ConfigErrorPage onRetry={retry} />;
  else {
    const { gatewayUrl } = state.config;
    const home = remotes[0]?.basePath;
    content = (
      <Routes>
        {home && home !== '/' && <Route path="/" element={<Navigate to={home} replace />} />}
        {remotes.map((remote) => (
          <Route
            key={remote.name}
            path={`${remote.basePath === '/' ? '' : remote.basePath}/*`}
            element={
              <RemoteRoute key={`${remote.name}@${remote.entry}`} remote={remote} gatewayUrl={gatewayUrl} />
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    );
  }
  return <ShellLayout remotes={remotes}>{content}</ShellLayout>;
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
