import { createContext, useCallback, useContext } from 'react';
import { SIGNED_OUT_AUTH, type Locale, type RemoteAuth } from '@bianmin/frontend-kit';

export interface AffairsContextValue {
  /** Route prefix the shell mounted us under, without a trailing slash ('' when standalone at /). */
  basePath: string;
  locale: Locale;
  elderly: boolean;
  auth: RemoteAuth;
}

export const AffairsContext = createContext<AffairsContextValue>({
  basePath: '',
  locale: 'zh-CN',
  elderly: false,
  auth: SIGNED_OUT_AUTH,
});

export function useAffairsContext(): AffairsContextValue {
  return useContext(AffairsContext);
}

/** Absolute link to a page of this remote: `to('applications/42')` → `/affairs/applications/42`. */
export function useAffairsPath(): (path?: string) => string {
  const { basePath } = useAffairsContext();
  return useCallback((path = '') => `${basePath}/${path.replace(/^\/+/, '')}`, [basePath]);
}

export function normalizeBasePath(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}
