import { createContext, useCallback, useContext } from 'react';
import type { Locale } from '@bianmin/frontend-kit';
import type { Named } from '../graphql/types';

export interface ServicesContextValue {
  /** Route prefix the shell mounted us under, without a trailing slash ('' when standalone at /). */
  basePath: string;
  locale: Locale;
  elderly: boolean;
}

export const ServicesContext = createContext<ServicesContextValue>({
  basePath: '',
  locale: 'zh-CN',
  elderly: false,
});

export function useServicesContext(): ServicesContextValue {
  return useContext(ServicesContext);
}

/** Absolute link to a page of this remote: `to('items/GA-002')` → `/services/items/GA-002`. */
export function useServicesPath(): (path?: string) => string {
  const { basePath } = useServicesContext();
  return useCallback((path = '') => `${basePath}/${path.replace(/^\/+/, '')}`, [basePath]);
}

/** Item, life event and department names come in Chinese and English; everything else is Chinese. */
export function useLocalizedName(): (entity: Named) => string {
  const { locale } = useServicesContext();
  return useCallback(
    (entity: Named) => (locale === 'en' && entity.nameEn ? entity.nameEn : entity.name),
    [locale],
  );
}

export function normalizeBasePath(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}
