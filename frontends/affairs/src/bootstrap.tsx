// Standalone mount for working on the remote alone (`npm run dev -w @bianmin/affairs-web`): the
// providers the shell would give us — router, antd theme and locale — plus toggles, and a field
// for an access token (e.g. from `npm run dev:token -- department-staff --department=MZ`), since
// every page here needs sign-in and the sign-in page lives in the shell.
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SIGNED_OUT_AUTH, type Locale, type RemoteAuth } from '@bianmin/frontend-kit';
import AffairsApp from './exposed/App';

declare const __STANDALONE_GATEWAY_URL__: string;

const TOKEN_KEY = 'bianmin.affairs.standaloneToken';

function Standalone() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [elderly, setElderly] = useState(false);
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const auth = useMemo<RemoteAuth>(
    () =>
      token
        ? {
            getAccessToken: () => Promise.resolve(token),
            signedIn: true,
            requireSignIn: SIGNED_OUT_AUTH.requireSignIn,
          }
        : SIGNED_OUT_AUTH,
    [token],
  );
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        token: elderly ? { fontSize: 20, controlHeight: 48, colorText: '#000' } : { colorPrimary: '#0b5cad' },
      }}
    >
      <div className="aff-standalone-bar">
        <strong>@bianmin/affairs-web · standalone</strong>
        <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {locale === 'en' ? '中文' : 'English'}
        </button>
        <label>
          <input type="checkbox" checked={elderly} onChange={(e) => setElderly(e.target.checked)} /> 长者模式
        </label>
        <label>
          access token{' '}
          <input
            type="password"
            value={token}
            onChange={(e) => {
              const value = e.target.value.trim();
              sessionStorage.setItem(TOKEN_KEY, value);
              setToken(value);
            }}
          />
        </label>
      </div>
      <main className="aff-standalone-main">
        <BrowserRouter>
          <Routes>
            <Route
              path="/*"
              element={
                <AffairsApp
                  basePath=""
                  locale={locale}
                  elderly={elderly}
                  gatewayUrl={__STANDALONE_GATEWAY_URL__}
                  auth={auth}
                />
              }
            />
          </Routes>
        </BrowserRouter>
      </main>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Standalone />
  </StrictMode>,
);
