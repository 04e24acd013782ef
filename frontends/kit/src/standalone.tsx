// The page a remote runs on alone (`npm run dev` in its workspace): the providers the shell would
// give it — router, antd theme and locale — and a bar to switch language and 长者模式. Dev only:
// imported by a remote's `bootstrap.tsx`, never by its exposed module.
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Locale } from './contracts';

export interface StandaloneSettings {
  locale: Locale;
  elderly: boolean;
}

export interface StandalonePageProps {
  /** Shown in the bar, e.g. `@bianmin/services`. */
  name: string;
  /** The remote's class prefix: the bar and main area are `<prefix>-standalone-bar` / `-main`. */
  classPrefix: string;
  /** More controls for the bar, e.g. a field for an access token. */
  controls?: ReactNode;
  /** The remote's app, mounted at `/` with the settings the bar chose. */
  children: (settings: StandaloneSettings) => ReactNode;
}

export function StandalonePage({ name, classPrefix, controls, children }: StandalonePageProps) {
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [elderly, setElderly] = useState(false);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        token: elderly ? { fontSize: 20, controlHeight: 48, colorText: '#000' } : { colorPrimary: '#0b5cad' },
      }}
    >
      <div className={`${classPrefix}-standalone-bar`}>
        <strong>{name} · standalone</strong>
        <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {locale === 'en' ? '中文' : 'English'}
        </button>
        <label>
          <input type="checkbox" checked={elderly} onChange={(e) => setElderly(e.target.checked)} /> 长者模式
        </label>
        {controls}
      </div>
      <main className={`${classPrefix}-standalone-main`}>
        <BrowserRouter>
          <Routes>
            <Route path="/*" element={children({ locale, elderly })} />
          </Routes>
        </BrowserRouter>
      </main>
    </ConfigProvider>
  );
}

/** Render `page` into the standalone document's `#root` (see `standalone.html`). */
export function mountStandalone(page: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
