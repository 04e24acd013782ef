import { DEFAULT_LOCALE, isLocale, type Locale } from '@bianmin/frontend-kit';

/** The resident's display choices; they persist in localStorage and show on `<html>`. */
export interface Preferences {
  locale: Locale;
  elderly: boolean;
}

const LOCALE_KEY = 'bianmin.locale';
const ELDERLY_KEY = 'bianmin.elderly';
export const ELDERLY_CLASS = 'elderly';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode or storage disabled: choices last for the visit only
  }
}

export function readPreferences(): Preferences {
  const store = storage();
  const locale = store?.getItem(LOCALE_KEY);
  return {
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    elderly: store?.getItem(ELDERLY_KEY) === 'true',
  };
}

export function savePreferences(preferences: Preferences): void {
  const store = storage();
  try {
    store?.setItem(LOCALE_KEY, preferences.locale);
    store?.setItem(ELDERLY_KEY, String(preferences.elderly));
  } catch {
    // quota exceeded: not worth bothering the resident about
  }
}

/** `<html lang>` for screen readers and fonts; the `elderly` class for the large-text styles. */
export function applyToDocument(preferences: Preferences): void {
  const html = document.documentElement;
  html.lang = preferences.locale;
  html.classList.toggle(ELDERLY_CLASS, preferences.elderly);
}
