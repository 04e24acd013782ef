import i18next, { type i18n } from 'i18next';
import type { Locale } from '@bianmin/frontend-kit';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/**
 * The shell's own i18next instance. Remotes create theirs (the shared i18next module is a
 * singleton, its default instance is not something two apps should fight over).
 */
export function createShellI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}
