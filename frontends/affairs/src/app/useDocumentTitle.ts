import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the browser tab, which is also what screen readers announce first. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    if (title) document.title = `${title} · ${suffix}`;
  }, [title, suffix]);
}
