/**
 * Hive Gateway as the benchmark runs it, in its documented production configuration:
 * `NODE_ENV=production` and one worker per process slot with `--fork` (Concurrency & Scaling,
 * Resources Requirements), masked errors, the parse/validate cache and upstream request
 * deduplication (all on by default), no GraphiQL or landing page. `BENCH_HIVE_LEVERS=on` adds
 * the equivalents of our gateway's levers: persisted documents from the same manifest (Apollo's
 * `extensions.persistedQuery` shape, which Hive reads by default), response caching of public
 * answers and inbound in-flight request deduplication. platform/hive-gateway.ts sets the variables.
 */
import { defineConfig } from '@graphql-hive/gateway';
import { loadManifest } from '../workload/manifest.js';
import { useBianminIdentity } from './identity-plugin.js';
import { privateSchemaCoordinates } from './private-coordinates.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`gateway.config.ts: ${name} is not set`);
  return value;
};
const levers = process.env.BENCH_HIVE_LEVERS === 'on';
const cacheTtlSeconds = Number(process.env.BENCH_HIVE_CACHE_TTL_SECONDS ?? 0);
const persisted = levers && process.env.BENCH_HIVE_PERSISTED !== 'off';
const documents = persisted
  ? new Map(loadManifest(env('BENCH_HIVE_MANIFEST')).map((operation) => [operation.id, operation.body]))
  : new Map<string, string>();

export const gatewayConfig = defineConfig({
  graphiql: false,
  landingPage: false,
  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',
  plugins: () => [
    useBianminIdentity({ keyFile: env('AUTH_KEYS_FILE'), internalSecret: env('INTERNAL_AUTH_SECRET') }),
  ],
  ...(persisted && {
    persistedDocuments: {
      getPersistedOperation: (id: string) => documents.get(id) ?? null,
      // As our gateway's PERSISTED_DOCUMENTS=allow: known hashes resolve, text is still accepted.
      allowArbitraryDocuments: true,
    },
  }),
  ...(levers &&
    cacheTtlSeconds > 0 && {
      responseCaching: {
        session: () => null,
        ttl: cacheTtlSeconds * 1000,
        scopePerSchemaCoordinate: privateSchemaCoordinates(),
      },
    }),
  ...(levers && { inboundInflightRequestDeduplication: true }),
});
