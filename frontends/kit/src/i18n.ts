import i18next, { type i18n, type ResourceLanguage } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './contracts';

/**
 * An app's own i18next instance (shell or remote). The `i18next` module is a shared singleton, so
 * apps must not share its default instance; each creates one, and the shell's `locale` drives it.
 */
export function createAppI18n(locale: Locale, resources: Record<Locale, ResourceLanguage>): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(Object.entries(resources).map(([lng, res]) => [lng, { translation: res }])),
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}
