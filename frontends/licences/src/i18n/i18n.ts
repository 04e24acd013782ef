import type { i18n } from 'i18next';
import { createAppI18n, type Locale } from '@bianmin/frontend-kit';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** The remote's own i18next instance; the shell's `locale` prop drives the language. */
export function createLicencesI18n(locale: Locale): i18n {
  return createAppI18n(locale, { 'zh-CN': zhCN, en });
}
