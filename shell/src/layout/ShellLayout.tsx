import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { RemoteManifestEntry } from '@bianmin/frontend-kit';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** Skip link, header, `<main>` and footer around whatever the route renders. */
export function ShellLayout({ remotes, children }: { remotes: RemoteManifestEntry[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  // A new page starts at the top, like a full page load would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className="shell">
      <a className="shell-skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <SiteHeader remotes={remotes} />
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
