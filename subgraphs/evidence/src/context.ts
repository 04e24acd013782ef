import type { SubgraphContext } from '@bianmin/kit';
import type { EvidenceLoaders } from './loaders.js';

export type EvidenceContext = SubgraphContext<EvidenceLoaders>;
