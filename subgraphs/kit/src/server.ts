import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { EntityManager } from '@mikro-orm/core';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { checkDatabase, type Orm } from './db/orm.js';
import { countStatementsOfRequests, sqlMetricsEnabled, sqlMetricsRoute } from './db/sql-metrics.js';
import { errorMaskingPlugin } from './error-masking.js';
import { publicCachePlugins } from './http/public-cache.js';
import { createHttpServer, sendJson, type HttpServerHandle } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { callerFromRequest, ANONYMOUS, DEV_INTERNAL_AUTH_SECRET, type Viewer } from './viewer.js';
import { applyAuthorization } from './auth/directives.js';
import { localeFromRequest, type Locale } from './locale.js';

/** What every resolver receives: one unit of work, per-request loaders, who is asking. */
export interface SubgraphContext<TLoaders> {
  em: EntityManager;
  loaders: TLoaders;
  viewer: Viewer;
  /** The caller's language, from Accept-Language; messages for people follow it. */
  locale: Locale;
  /** The caller's IP as the gateway saw it (signed), for rate limits; null in direct tests. */
  clientIp: string | null;
  requestId: string;
  log: Logger;
}

export interface SubgraphOptions<TLoaders> {
  name: string;
  typeDefs: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  orm: Orm;
  /** Builds the request's DataLoaders over its forked EntityManager. */
  loaders: (em: EntityManager) => TLoaders;
  log?: Logger;
  production?: boolean;
  /** The secret shared with the gateway for the identity header (INTERNAL_AUTH_SECRET). */
  internalSecret?: string;
  /** Extra HTTP routes. */
  routes?: Parameters<typeof createHttpServer>[0]['routes'];
  /**
   * Browser origins allowed to call this subgraph directly (CORS). Only for routes a browser
   * must reach without the gateway, such as signed file-upload URLs; GraphQL goes through the gateway.
   */
  corsOrigins?: string[];
  /**
   * True when someone else owns the ORM and closes it (a short-lived second instance over a
   * running subgraph's database, e.g. a demo-data loader): `stop()` then leaves the pool open.
   */
  sharedOrm?: boolean;
  /**
   * Answers made only of fields anyone may read (`@public`) may be cached this many seconds by
   * the gateway and browsers (`Cache-Control: max-age=…, public`). Mutations and anything that
   * touches an `@auth` field are never cacheable. Unset: nothing is (the default for domains that
   * hold personal data).
   */
  publicCacheMaxAgeSeconds?: number;
  /** Serve `GET /metrics` with the SQL statement counts (sql-metrics.ts); default: `SQL_METRICS=true`. */
  sqlMetrics?: boolean;
}

export interface Subgraph<TLoaders> {
  name: string;
  apollo: ApolloServer<SubgraphContext<TLoaders>>;
  orm: Orm;
  log: Logger;
  /** Build the context a resolver sees; tests use it through `execute`. */
  context(
    req?: IncomingMessage,
    requestId?: string,
    viewer?: Viewer,
    locale?: Locale,
  ): SubgraphContext<TLoaders>;
  /** Run an operation without HTTP (tests). Starts Apollo on first use. */
  execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer,
    locale?: Locale,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
  /** Start Apollo and listen; returns the bound port. */
  listen(port: number, host?: string): Promise<number>;
  http: HttpServerHandle;
  /** Graceful stop: drain HTTP, stop Apollo, close the pool (unless `sharedOrm`). */
  stop(graceMs?: number): Promise<void>;
}

/** The factory every subgraph uses: schema + resolvers + dependencies → a server tests can call. */
export function createSubgraph<TLoaders>(options: SubgraphOptions<TLoaders>): Subgraph<TLoaders> {
  const log = options.log ?? createLogger(options.name);
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const secret = options.internalSecret ?? (production ? undefined : DEV_INTERNAL_AUTH_SECRET);
  if (!secret) throw new Error(`${options.name}: INTERNAL_AUTH_SECRET is required in production`);
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    // Deny by default: every field resolves only as its @public / @auth directive allows.
    schema: applyAuthorization(
      buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    ),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Shutdown is ours (onShutdown): drain HTTP first, then stop Apollo.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: inline traces would only cost time on every request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...publicCachePlugins(options.publicCacheMaxAgeSeconds),
      errorMaskingPlugin(),
    ],
    logger: log,
  });

  const context = (
    req?: IncomingMessage,
    requestId: string = randomUUID(),
    viewer?: Viewer,
    locale?: Locale,
  ) => {
    const em = options.orm.em.fork();
    const caller = viewer ? { viewer, clientIp: null } : callerFromRequest(req, secret);
    return {
      em,
      loaders: options.loaders(em),
      viewer: caller.viewer,
      clientIp: caller.clientIp,
      locale: locale ?? localeFromRequest(req),
      requestId,
      log: log.child({ requestId }),
    };
  };

  const sqlMetrics = options.sqlMetrics ?? sqlMetricsEnabled();
  const http = createHttpServer({
    apollo,
    log,
    corsOrigins: options.corsOrigins,
    context: async (req, requestId) => context(req, requestId),
    routes: {
      '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok', service: options.name }),
      '/readyz': async (_req, res) => {
        if (http.draining) return sendJson(res, 503, { status: 'draining', service: options.name });
        const db = await checkDatabase(options.orm);
        sendJson(res, db.ok ? 200 : 503, {
          status: db.ok ? 'ready' : 'not ready',
          service: options.name,
          database: db.detail,
        });
      },
      ...(sqlMetrics ? { '/metrics': sqlMetricsRoute } : {}),
      ...options.routes,
    },
  });
  if (sqlMetrics) countStatementsOfRequests(http.server);

  let started: Promise<void> | null = null;
  const ensureStarted = () => (started ??= apollo.start());

  return {
    name: options.name,
    apollo,
    orm: options.orm,
    log,
    context,
    http,
    async execute(query, variables, viewer = ANONYMOUS, locale = 'zh-CN') {
      await ensureStarted();
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: context(undefined, randomUUID(), viewer, locale) },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return response.body.singleResult as any;
    },
    async listen(port, host) {
      await ensureStarted();
      const bound = await http.listen(port, host);
      log.info({ port: bound }, `${options.name} subgraph listening`);
      return bound;
    },
    async stop(graceMs = 10_000) {
      await http.close(graceMs);
      if (started) await apollo.stop();
      if (!options.sharedOrm) await options.orm.close(true);
    },
  };
}
