// Standalone mount for working on the remote alone (`npm run dev -w @bianmin/services`): the
// providers the shell would give us — router, antd theme and locale — plus two toggles.
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Locale } from '@bianmin/frontend-kit';
import ServicesApp from './exposed/App';

declare const __STANDALONE_GATEWAY_URL__: string;

function Standalone() {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [elderly, setElderly] = useState(false);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        token: elderly ? { fontSize: 20, controlHeight: 48, colorText: '#000' } : { colorPrimary: '#0b5cad' },
      }}
    >
      <div className="svc-standalone-bar">
        <strong>@bianmin/services · standalone</strong>
        <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {locale === 'en' ? '中文' : 'English'}
        </button>
        <label>
          <input type="checkbox" checked={elderly} onChange={(e) => setElderly(e.target.checked)} /> 长者模式
        </label>
      </div>
      <main className="svc-standalone-main">
        <BrowserRouter>
          <Routes>
            <Route
              path="/*"
              element={
                <ServicesApp
                  basePath=""
                  locale={locale}
                  elderly={elderly}
                  gatewayUrl={__STANDALONE_GATEWAY_URL__}
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
