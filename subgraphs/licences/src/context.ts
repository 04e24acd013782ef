import type { SubgraphContext } from '@bianmin/kit';
import type { LicencesLoaders } from './loaders.js';

export type LicencesContext = SubgraphContext<LicencesLoaders>;
