import type { SubgraphContext } from '@bianmin/kit';
import type { CatalogLoaders } from './loaders.js';

export type CatalogContext = SubgraphContext<CatalogLoaders>;
export const CATALOG_EDITOR_ROLE = 'catalog-editor';
