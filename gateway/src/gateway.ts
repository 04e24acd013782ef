import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  AdmissionControl,
  createHttpServer,
  createLogger,
  DEV_INTERNAL_AUTH_SECRET,
  errorMaskingPlugin,
  type EventBus,
  type HttpServerHandle,
  type Logger,
  type Subscription,
} from '@bianmin/kit';
import { TokenKeys } from './auth.js';
import { ClientRateLimiter } from './client-rate-limit.js';
import { createContext, identityAndLimits, type GatewayContext } from './context.js';
import type { GatewayEnv } from './env.js';
import { checkReadiness, healthRoutes, type ReadinessReport } from './health.js';
import {
  loadPersistedDocuments,
  PersistedDocumentStore,
  requirePersistedDocumentsPlugin,
} from './persisted-documents.js';
import { armorProtection } from './plugins/armor.js';
import { ResponseCache } from './response-cache.js';
import { landingPage } from './plugins/landing-page.js';
import { RevokedSessions, type RevokedSessionsOptions } from './revoked-sessions.js';
import { subscribeToRevocations } from './session-revocations.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { createSubgraphAgent, createSubgraphFetcher } from './subgraph-fetcher.js';
import { readSupergraph, resolveEndpoints, subgraphsOf, type SubgraphEndpoint } from './supergraph.js';

export type { GatewayContext } from './context.js';
export { loadGatewayEnv, type GatewayEnv } from './env.js';
export type { ReadinessReport, SubgraphStatus } from './health.js';
export type { SubgraphEndpoint } from './supergraph.js';
export { RevokedSessions, type RevokedSessionsOptions } from './revoked-sessions.js';
export { SESSION_REVOKED_TOPIC, revocationDurableName } from './session-revocations.js';

export interface GatewayOptions {
  /** Parsed environment (`loadGatewayEnv()`); tests pass `loadGatewayEnv({ ... })`. */
  env: GatewayEnv;
  /** The supergraph SDL; read from `env.SUPERGRAPH_PATH` when omitted. */
  supergraphSdl?: string;
  log?: Logger;
  /**
   * The domain event bus identity's outbox relay publishes to. The gateway subscribes to
   * `identity.session.revoked` (a durable of its own, started and stopped with the gateway) and
   * refuses the access tokens of revoked sessions at once. Without it, they stay valid until
   * they expire. On NATS, create it with `deliverFrom: 'new'`.
   */
  bus?: EventBus;
  /** Tuning for the revoked-session list; `maxEntries` defaults to `env.REVOKED_SESSIONS_MAX`. */
  revokedSessions?: RevokedSessionsOptions;
}

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  http: HttpServerHandle;
  /** The subgraphs and the URLs the gateway calls (supergraph URLs with env overrides applied). */
  subgraphs: readonly SubgraphEndpoint[];
  /** Sessions identity revoked whose tokens may still be valid: refused here (fed by `bus`). */
  revokedSessions: RevokedSessions;
  /** Load the supergraph and start Apollo without listening (idempotent; `listen` calls it). */
  start(): Promise<void>;
  /** Start, then listen; returns the bound port (pass 0 for any free port). */
  listen(port: number, host?: string): Promise<number>;
  /** Probe readiness: supergraph loaded and every subgraph answering `{ __typename }`. Never throws. */
  ready(): Promise<ReadinessReport>;
  /**
   * Graceful stop: drain HTTP (up to `graceMs`), end the revocation subscription, stop Apollo and
   * the gateway, close subgraph pools. The bus is the caller's: close it afterwards.
   */
  stop(graceMs?: number): Promise<void>;
}

/** The federation gateway as a factory: no listening, no process hooks, easy to test or embed. */
export function createGateway(options: GatewayOptions): Gateway {
  const { env } = options;
  const log = options.log ?? createLogger('gateway', env.LOG_LEVEL);
  const production = env.NODE_ENV === 'production';
  const internalSecret = env.INTERNAL_AUTH_SECRET ?? (production ? undefined : DEV_INTERNAL_AUTH_SECRET);
  if (!internalSecret) throw new Error('INTERNAL_AUTH_SECRET is required in production');
  const keys = new TokenKeys(env.AUTH_KEYS_FILE, log);
  const clientLimiter = new ClientRateLimiter();
  const revokedSessions = new RevokedSessions({
    maxEntries: env.REVOKED_SESSIONS_MAX,
    log,
    ...options.revokedSessions,
  });
  if (!options.bus)
    log.warn('no event bus: revoked sessions keep working at the gateway until their tokens expire');
  const supergraphSdl = options.supergraphSdl ?? readSupergraph(env.SUPERGRAPH_PATH);

  const { endpoints, unused } = resolveEndpoints(subgraphsOf(supergraphSdl), env.SUBGRAPH_URLS);
  for (const name of unused)
    log.warn({ variable: name }, `${name} names no subgraph in the supergraph; ignored`);
  const urlOf = new Map(endpoints.map((endpoint) => [endpoint.name, endpoint.url]));

  const agent = createSubgraphAgent({ connectTimeoutMs: env.SUBGRAPH_TIMEOUT_MS });
  const fetcher = createSubgraphFetcher(agent, env.SUBGRAPH_TIMEOUT_MS);
  const probeFetcher = createSubgraphFetcher(agent, env.READINESS_TIMEOUT_MS);

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: urlOf.get(name) ?? url ?? '',
        fetcher,
        log,
      }),
  });

  const armor = armorProtection(
    {
      maxDepth: env.QUERY_MAX_DEPTH,
      maxAliases: env.QUERY_MAX_ALIASES,
      maxTokens: env.QUERY_MAX_TOKENS,
      maxCost: env.QUERY_MAX_COST,
      maxDirectives: env.QUERY_MAX_DIRECTIVES,
    },
    production,
  );

  const persisted = env.PERSISTED_DOCUMENTS;
  const knownDocuments =
    persisted === 'off' ? new Map<string, string>() : loadPersistedDocuments(env.PERSISTED_DOCUMENTS_PATH);

  const responseCache =
    env.RESPONSE_CACHE_TTL_SECONDS > 0
      ? new ResponseCache(64 * 1024 * 1024, env.RESPONSE_CACHE_TTL_SECONDS)
      : null;

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: log,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // index.ts drains HTTP first and then stops Apollo; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    persistedQueries:
      persisted === 'off' ? false : { cache: new PersistedDocumentStore(knownDocuments, persisted) },
    plugins: [
      landingPage(production),
      ...armor.plugins,
      ...(persisted === 'require' ? [requirePersistedDocumentsPlugin(knownDocuments)] : []),
      ...(responseCache ? [responseCache.plugin()] : []),
      errorMaskingPlugin(),
    ],
  });

  let started: Promise<void> | null = null;
  let loaded = false;
  // Re-read the key file now and then: a rotation is picked up without a restart.
  let keyReload: NodeJS.Timeout | undefined;
  let revocations: Subscription | null = null;
  const subscribe = async () => {
    if (options.bus)
      revocations = await subscribeToRevocations({ bus: options.bus, revoked: revokedSessions, log });
  };
  const start = () =>
    (started ??= Promise.all([apollo.start(), keys.load(), subscribe()]).then(() => {
      loaded = true;
      keyReload = setInterval(
        () => keys.load().catch((err) => log.error({ err }, 'reloading keys failed')),
        30_000,
      );
      keyReload.unref();
    }));

  const ready = () => checkReadiness({ endpoints, fetcher: probeFetcher, supergraphLoaded: () => loaded });

  const contextOptions = {
    log,
    keys,
    revokedSessions,
    internalSecret,
    trustProxy: env.TRUST_PROXY,
    clientLimiter,
    defaultClientRateLimit: env.PARTNER_RATE_LIMIT_PER_MINUTE,
  };
  const http: HttpServerHandle = createHttpServer<GatewayContext>({
    apollo,
    log,
    corsOrigins: env.CORS_ORIGINS,
    context: async (req, requestId) => createContext(req, requestId, contextOptions),
    // The same token and rate-limit checks as any request, then the stored answer.
    preHandler: responseCache?.fastPath(
      (req) => identityAndLimits(req, contextOptions),
      persisted === 'require' ? (hash) => knownDocuments.has(hash) : undefined,
    ),
    routes: { ...healthRoutes(ready, () => http.draining), '/.well-known/jwks.json': keys.route },
    admission:
      env.MAX_CONCURRENT_REQUESTS > 0
        ? new AdmissionControl({
            maxConcurrent: env.MAX_CONCURRENT_REQUESTS,
            maxQueued: env.MAX_QUEUED_REQUESTS,
            queueTimeoutMs: env.QUEUE_TIMEOUT_MS,
            maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
          })
        : undefined,
  });

  return {
    apollo,
    http,
    subgraphs: endpoints,
    revokedSessions,
    start,
    async listen(port, host = env.HOST) {
      await start();
      const bound = await http.listen(port, host);
      log.info(
        { port: bound, subgraphs: endpoints },
        `gateway listening on http://localhost:${bound}/graphql`,
      );
      return bound;
    },
    ready,
    async stop(graceMs = env.SHUTDOWN_GRACE_SECONDS * 1000) {
      await http.close(graceMs);
      await revocations?.close();
      revocations = null;
      if (started) {
        await started.catch(() => undefined);
        await apollo.stop();
      }
      loaded = false;
      clearInterval(keyReload);
      await agent.close();
    },
  };
}
