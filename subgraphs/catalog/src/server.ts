import { createSubgraph, type Logger, type Orm } from '@bianmin/kit';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';

export interface CatalogDeps {
  orm: Orm;
  log?: Logger;
  production?: boolean;
  /** INTERNAL_AUTH_SECRET: verifies the gateway's identity header. */
  internalSecret?: string;
  /**
   * How long the gateway and browsers may keep the catalog's public answers (guides, points,
   * departments); an editor's change shows everywhere within this time. Default 60 s; 0: never.
   */
  publicCacheMaxAgeSeconds?: number;
}

/** The catalog subgraph, built but not listening: tests call it directly, index.ts listens. */
export function createCatalogSubgraph(deps: CatalogDeps) {
  return createSubgraph({
    name: 'catalog',
    typeDefs,
    resolvers,
    orm: deps.orm,
    loaders: createLoaders,
    log: deps.log,
    production: deps.production,
    internalSecret: deps.internalSecret,
    publicCacheMaxAgeSeconds: deps.publicCacheMaxAgeSeconds ?? 60,
  });
}
export type CatalogSubgraph = ReturnType<typeof createCatalogSubgraph>;
export { createCatalogOrm } from './db/orm.js';
export { seedCatalog } from './db/seeds/index.js';
