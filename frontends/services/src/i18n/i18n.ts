import i18next, { type i18n } from 'i18next';
import type { Locale } from '@bianmin/frontend-kit';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/**
 * The remote's own i18next instance: the `i18next` module is a shared singleton, so using its
 * default instance would fight the shell's. The shell's `locale` prop drives the language.
 */
export function createServicesI18n(locale: Locale): i18n {
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
