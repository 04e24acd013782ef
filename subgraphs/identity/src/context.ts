import type { SubgraphContext } from '@bianmin/kit';
import type { IdentityLoaders } from './loaders.js';

export type IdentityContext = SubgraphContext<IdentityLoaders>;
