import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { composeServices } from '@apollo/composition';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createHttpServer, createLogger, ErrorCode, type EventBus, type Logger } from '@bianmin/kit';
import pino from 'pino';
import { GraphQLError, parse } from 'graphql';
import { createGateway, loadGatewayEnv, type Gateway, type RevokedSessionsOptions } from '../src/gateway.js';

export const silent = createLogger('test', 'silent');

/** A logger that keeps its JSON lines, to check what was logged. */
export function capturingLogger(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** `products` owns Query.products and the Product entity. */
export const productsSdl = `${federation}
  type Query {
    products: [Product!]
    "Throws an unexpected error, as a bug would."
    boom: String
    "Throws an expected, public error."
    badInput: String
    "The headers this subgraph received from the gateway."
    seenHeaders: SeenHeaders
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
    "Recursive, so a query can be made as deep (and, with first, as costly) as an attacker likes."
    similar(first: Int): [Product!]
  }
  type SeenHeaders {
    requestId: String
    acceptLanguage: String
    identity: String
  }
`;

/** `reviews` owns Query.reviews and extends Product with its reviews. */
export const reviewsSdl = `${federation}
  type Query {
    reviews: [Review!]
  }
  type Review {
    body: String!
  }
  type Product @key(fields: "id") {
    id: ID!
    reviews: [Review!]
  }
`;

const PRODUCTS = [
  { id: 'p1', name: '居民身份证换领' },
  { id: 'p2', name: '结婚登记' },
];
const REVIEWS: Record<string, Array<{ body: string }>> = { p1: [{ body: '很快' }], p2: [{ body: '方便' }] };

type Ctx = { req: IncomingMessage };
const header = (req: IncomingMessage, name: string) => (req.headers[name] as string | undefined) ?? null;

const productsResolvers = {
  Query: {
    products: () => PRODUCTS,
    boom: () => {
      throw new Error('connection to postgres://admin:secret@db failed');
    },
    badInput: () => {
      throw new GraphQLError('`first` must be between 1 and 50.', {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    },
    seenHeaders: (_: unknown, __: unknown, { req }: Ctx) => ({
      requestId: header(req, 'x-request-id'),
      acceptLanguage: header(req, 'accept-language'),
      identity: header(req, 'x-bianmin-identity'),
    }),
  },
  Product: {
    __resolveReference: (ref: { id: string }) => PRODUCTS.find((p) => p.id === ref.id) ?? null,
    similar: () => PRODUCTS,
  },
};

const reviewsResolvers = {
  Query: { reviews: () => Object.values(REVIEWS).flat() },
  Product: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    reviews: (product: { id: string }) => REVIEWS[product.id] ?? [],
  },
};

export interface TestSubgraph {
  name: string;
  sdl: string;
  url: string;
  /** Stop the HTTP server for real: connections are refused afterwards. */
  stop(): Promise<void>;
}

/** A tiny subgraph: buildSubgraphSchema + Apollo Server + kit's HTTP server on a free port. */
export async function startSubgraph(
  name: string,
  sdl: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: any,
  plugins: ApolloServerPlugin<Ctx>[] = [],
): Promise<TestSubgraph> {
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]),
    logger: silent,
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();
  const http = createHttpServer<Ctx>({ apollo, log: silent, context: async (req) => ({ req }) });
  const port = await http.listen(0, '127.0.0.1');
  let stopped = false;
  return {
    name,
    sdl,
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await http.close(0);
      await apollo.stop();
    },
  };
}

/** Compose subgraphs the way schema/ does, with their live URLs. */
export function composeSupergraph(subgraphs: Array<Pick<TestSubgraph, 'name' | 'sdl' | 'url'>>): string {
  const result = composeServices(
    subgraphs.map(({ name, sdl, url }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

export interface Fixture {
  gateway: Gateway;
  /** The gateway's base URL, e.g. http://127.0.0.1:PORT */
  base: string;
  /** The access-token key file the gateway verifies against (tests sign tokens with it). */
  keyFile: string;
  products: TestSubgraph;
  reviews: TestSubgraph;
  /** POST a query with JSON, as a client does. */
  query(
    query: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; requestId: string | null; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** The identity-header secret the fixture's gateway signs with. */
export const TEST_INTERNAL_SECRET = 'gateway-test-internal-secret-0123456789abcdef';

/** Two live subgraphs and a gateway over their supergraph, listening on free ports. */
export async function startFixture(
  options: {
    env?: Record<string, string>;
    log?: Logger;
    /** The event bus identity's revocations arrive on. */
    bus?: EventBus;
    revokedSessions?: RevokedSessionsOptions;
    /** Verify against this key file (another fixture's) instead of a new one. */
    keyFile?: string;
  } = {},
): Promise<Fixture> {
  const products = await startSubgraph('products', productsSdl, productsResolvers);
  const reviews = await startSubgraph('reviews', reviewsSdl, reviewsResolvers);
  const keyFile = options.keyFile ?? join(mkdtempSync(join(tmpdir(), 'bianmin-gw-keys-')), 'keys.json');
  const gateway = createGateway({
    env: loadGatewayEnv({
      NODE_ENV: 'test',
      AUTH_KEYS_FILE: keyFile,
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
      SUBGRAPH_TIMEOUT_MS: '1000',
      READINESS_TIMEOUT_MS: '500',
      ...options.env,
    }),
    supergraphSdl: composeSupergraph([products, reviews]),
    log: options.log ?? silent,
    bus: options.bus,
    revokedSessions: options.revokedSessions,
  });
  const port = await gateway.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    gateway,
    base,
    keyFile,
    products,
    reviews,
    async query(query, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        requestId: response.headers.get('x-request-id'),
        body: (await response.json()) as GraphQLBody,
      };
    },
    async close() {
      await gateway.stop(0);
      await Promise.all([products.stop(), reviews.stop()]);
    },
  };
}

/** A server that accepts connections and never answers: a hung subgraph. */
export async function startBlackhole(): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer(() => {
    /* never respond */
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that answers every request with one HTTP status, like a proxy whose upstream is gone. */
export async function startStatusServer(status: number): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' }).end('upstream unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
