import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each shell page names itself in the browser tab, which screen readers announce first. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('site.titleSuffix');
  useEffect(() => {
    document.title = `${title} · ${suffix}`;
  }, [title, suffix]);
}
