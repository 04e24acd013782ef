import { createContext, useCallback, useContext } from 'react';
import { SIGNED_OUT_AUTH, type Locale, type RemoteAuth } from '@bianmin/frontend-kit';

export interface LicencesContextValue {
  /** Route prefix the shell mounted us under, without a trailing slash ('' when standalone at /). */
  basePath: string;
  locale: Locale;
  elderly: boolean;
  auth: RemoteAuth;
}

export const LicencesContext = createContext<LicencesContextValue>({
  basePath: '',
  locale: 'zh-CN',
  elderly: false,
  auth: SIGNED_OUT_AUTH,
});

export function useLicencesContext(): LicencesContextValue {
  return useContext(LicencesContext);
}

/** Absolute link to a page of this module: `to('b696…')` → `/licences/b696…`. */
export function useLicencesPath(): (path?: string) => string {
  const { basePath } = useLicencesContext();
  return useCallback((path = '') => `${basePath}/${path.replace(/^\/+/, '')}`, [basePath]);
}

export function normalizeBasePath(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}

/**
 * Shell paths this remote links to but does not own the routing of: plain paths, never imports.
 * `/verify` is stable — every QR code and every printed instruction points there.
 */
export const SHELL_PATHS = { verify: '/verify', wallet: '/licences', services: '/services' } as const;
