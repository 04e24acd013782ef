import { createSubgraph, type Logger, type Orm, type Subgraph } from '@bianmin/kit';
import { createLoaders, type EvidenceLoaders } from './loaders.js';
import type { LogKeys } from './modules/checkpoint/log-keys.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';

export interface EvidenceDeps {
  orm: Orm;
  /** The log's origin and keys (`loadLogKeys`, or `ephemeralLogKeys` in tests). */
  keys: LogKeys;
  log?: Logger;
  production?: boolean;
  /** INTERNAL_AUTH_SECRET: verifies the gateway's identity header. */
  internalSecret?: string;
}

export type EvidenceSubgraph = Subgraph<EvidenceLoaders> & { keys: LogKeys };

/** The evidence subgraph, built but not listening: tests call it directly, index.ts listens. */
export function createEvidenceSubgraph(deps: EvidenceDeps): EvidenceSubgraph {
  const subgraph = createSubgraph({
    name: 'evidence',
    typeDefs,
    resolvers: createResolvers(deps.keys),
    orm: deps.orm,
    loaders: createLoaders,
    log: deps.log,
    production: deps.production,
    internalSecret: deps.internalSecret,
  });
  return Object.assign(subgraph, { keys: deps.keys });
}

export { createEvidenceOrm } from './db/orm.js';
export { appendEntries, logSize, type EntryDraft } from './modules/log/log.store.js';
export { forgetPerson, subjectOf } from './modules/subject/subject.js';
export {
  EVIDENCE_SUBSCRIPTIONS,
  logEvent,
  startEvidenceConsumers,
  type LogOutcome,
} from './modules/entries/evidence.consumers.js';
export { CheckpointRefused, signCheckpoint, startCheckpointer } from './modules/checkpoint/checkpointer.js';
export { ephemeralLogKeys, loadLogKeys, type LogKeys } from './modules/checkpoint/log-keys.js';
