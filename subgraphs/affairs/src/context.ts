import type { SubgraphContext } from '@bianmin/kit';
import type { AffairsLoaders } from './loaders.js';

export type AffairsContext = SubgraphContext<AffairsLoaders>;
