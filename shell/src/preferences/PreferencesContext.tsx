import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@bianmin/frontend-kit';
import { applyToDocument, savePreferences, type Preferences } from './preferences';

interface PreferencesValue extends Preferences {
  setLocale(locale: Locale): void;
  setElderly(elderly: boolean): void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function PreferencesProvider({ initial, children }: { initial: Preferences; children: ReactNode }) {
  const [preferences, setPreferences] = useState(initial);
  const { i18n } = useTranslation();

  // Side effects run in the event handlers that cause them, not in effects after render.
  const update = useCallback(
    (next: Preferences) => {
      setPreferences(next);
      savePreferences(next);
      applyToDocument(next);
      if (i18n.language !== next.locale) void i18n.changeLanguage(next.locale);
    },
    [i18n],
  );

  const value = useMemo<PreferencesValue>(
    () => ({
      ...preferences,
      setLocale: (locale) => update({ ...preferences, locale }),
      setElderly: (elderly) => update({ ...preferences, elderly }),
    }),
    [preferences, update],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences must be used inside <PreferencesProvider>');
  return value;
}
