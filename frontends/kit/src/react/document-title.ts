import { useEffect } from 'react';
import { useRemoteUi } from './remote-ui';

/**
 * Each page names itself in the browser tab (`<title> · <titleSuffix>`), which is also what screen
 * readers announce first. Nothing changes while the title is not known yet.
 */
export function useDocumentTitle(title: string | undefined): void {
  const suffix = useRemoteUi().labels.titleSuffix;
  useEffect(() => {
    if (title) document.title = `${title} · ${suffix}`;
  }, [title, suffix]);
}
