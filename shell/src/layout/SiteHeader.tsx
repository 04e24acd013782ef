import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { RemoteManifestEntry } from '@bianmin/frontend-kit';
import { usePreferences } from '../preferences/PreferencesContext';
import { AccountControls } from './AccountControls';

export function SiteHeader({ remotes }: { remotes: RemoteManifestEntry[] }) {
  const { t } = useTranslation();
  const { locale, elderly, setLocale, setElderly } = usePreferences();
  const otherLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <header className="shell-header" data-testid="site-header">
      <div className="shell-header__bar">
        <Link to="/" className="shell-brand" aria-label={t('site.homeLink')}>
          <span className="shell-brand__mark" aria-hidden="true">
            便
          </span>
          <span className="shell-brand__text">
            <span className="shell-brand__name">{t('site.name')}</span>
            <span className="shell-brand__tagline">{t('site.tagline')}</span>
          </span>
        </Link>
        <div className="shell-header__tools">
          <div className="shell-prefs" role="group" aria-label={t('prefs.label')}>
            <button
              type="button"
              className="shell-pref-button"
              data-testid="lang-switch"
              lang={otherLocale}
              aria-label={t('prefs.langSwitchLabel')}
              onClick={() => setLocale(otherLocale)}
            >
              <span aria-hidden="true" className="shell-pref-button__icon">
                文A
              </span>
              {t('prefs.langSwitch')}
            </button>
            <button
              type="button"
              role="switch"
              aria-checked={elderly}
              className="shell-pref-button shell-elderly-toggle"
              data-testid="elderly-toggle"
              title={t('prefs.elderlyHint')}
              onClick={() => setElderly(!elderly)}
            >
              <span className="shell-switch" aria-hidden="true">
                <span className="shell-switch__thumb" />
              </span>
              {t('prefs.elderly')}
            </button>
          </div>
          <AccountControls />
        </div>
      </div>
      {remotes.length > 0 && (
        <nav className="shell-nav" aria-label={t('nav.label')}>
          <ul>
            {remotes.map((remote) => (
              <li key={remote.basePath}>
                <NavLink to={remote.basePath} className="shell-nav__link">
                  {remote.title[locale] ?? remote.name}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
