import { fileURLToPath } from 'node:url';
import { accessTokenKeyFile, baseEnvShape, EnvError, eventsEnvShape, parseEnv } from '@bianmin/kit';
import { z } from 'zod';

/** The manifest of the first-party frontends' documents, produced by `npm run persisted:generate`. */
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = fileURLToPath(
  new URL('../../schema/persisted-documents.json', import.meta.url),
);

/** The committed supergraph, produced by `npm run schema:compose`. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../../schema/supergraph.graphql', import.meta.url),
);

const { NODE_ENV, LOG_LEVEL, SHUTDOWN_GRACE_SECONDS, INTERNAL_AUTH_SECRET, DATA_DIR } = baseEnvShape;
const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Every variable the gateway reads except the per-subgraph `SUBGRAPH_<NAME>_URL` overrides. */
export const gatewayEnvShape = {
  NODE_ENV,
  LOG_LEVEL,
  SHUTDOWN_GRACE_SECONDS,
  INTERNAL_AUTH_SECRET,
  DATA_DIR,
  /**
   * The access-token key file the identity service signs with; the gateway publishes and checks
   * its public half. Created on first use in the embedded default.
   */
  AUTH_KEYS_FILE: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Behind a trusted load balancer: take the client IP from X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  HOST: z.string().default('0.0.0.0'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  /** Deadline for one subgraph fetch (connect, send, response body), in milliseconds. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(5000),
  /** Deadline for each `{ __typename }` probe behind /readyz. */
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  QUERY_MAX_DEPTH: limit(10, 100),
  QUERY_MAX_ALIASES: limit(15, 1000),
  QUERY_MAX_TOKENS: limit(2000, 100_000),
  QUERY_MAX_COST: limit(20_000, 1_000_000),
  QUERY_MAX_DIRECTIVES: limit(50, 1000),
  /** Requests per minute for a partner client whose token carries no `rate:<n>` scope. */
  PARTNER_RATE_LIMIT_PER_MINUTE: limit(600, 6000),
  /**
   * Persisted documents (see README): `off`, `allow` (hashes of the platform's documents resolve;
   * other clients may send text or register theirs) or `require` (only the platform's documents,
   * unless a partner client calls). Defaults to `require` in production, `allow` otherwise.
   */
  PERSISTED_DOCUMENTS: z.enum(['off', 'allow', 'require']).optional(),
  PERSISTED_DOCUMENTS_PATH: z.string().default(DEFAULT_PERSISTED_DOCUMENTS_PATH),
  /**
   * Admission control per process: operations running at once (0 turns admission control off),
   * how many more may wait, and for how long, before the gateway answers 503 with Retry-After.
   */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(16),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(1_000_000).default(128),
  QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** Refuse new requests (503) while the event loop runs this many ms late; 0: never. */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  /**
   * Cache whole public answers (those every subgraph called marked `public` with a max-age) for at
   * most this many seconds; 0 turns the response cache off.
   */
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Worker processes sharing the port (node:cluster); `auto` is one per CPU core. */
  GATEWAY_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(256)]).default(1),
  /** NATS JetStream, where identity announces revoked sessions; unset: nothing reaches a standalone gateway. */
  ...eventsEnvShape,
  /** Revoked sessions remembered at most (each for one access-token lifetime); see the README. */
  REVOKED_SESSIONS_MAX: limit(100_000, 10_000_000),
};

export type GatewayEnv = Omit<
  z.infer<z.ZodObject<typeof gatewayEnvShape>>,
  'AUTH_KEYS_FILE' | 'PERSISTED_DOCUMENTS'
> & {
  AUTH_KEYS_FILE: string;
  PERSISTED_DOCUMENTS: 'off' | 'allow' | 'require';
  /**
   * URL overrides from `SUBGRAPH_<NAME>_URL`, keyed by `<NAME>` (the subgraph name upper-cased,
   * other characters as `_`). Subgraphs without one use the URL in the supergraph.
   */
  SUBGRAPH_URLS: Record<string, string>;
};

const OVERRIDE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

/** `catalog` → `CATALOG`, `life-events` → `LIFE_EVENTS`: the `<NAME>` in `SUBGRAPH_<NAME>_URL`. */
export function subgraphEnvName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** Parse the gateway's environment; throws kit's EnvError listing every problem. */
export function loadGatewayEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  const overrideKeys = Object.keys(source).filter((key) => OVERRIDE.test(key));
  const overrideShape = Object.fromEntries(
    overrideKeys.map((key) => [
      key,
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    ]),
  );
  const parsed = parseEnv({ ...gatewayEnvShape, ...overrideShape }, source) as Record<string, unknown>;
  const urls: Record<string, string> = {};
  for (const key of overrideKeys) {
    const value = parsed[key];
    if (typeof value === 'string') urls[OVERRIDE.exec(key)![1]!] = value;
    delete parsed[key];
  }
  const env = parsed as z.infer<z.ZodObject<typeof gatewayEnvShape>>;
  return {
    ...env,
    AUTH_KEYS_FILE: env.AUTH_KEYS_FILE ?? accessTokenKeyFile(env.DATA_DIR),
    PERSISTED_DOCUMENTS: env.PERSISTED_DOCUMENTS ?? (env.NODE_ENV === 'production' ? 'require' : 'allow'),
    SUBGRAPH_URLS: urls,
  };
}

/** For index.ts: parse, or print every problem and exit(1). */
export function loadGatewayEnvOrExit(): GatewayEnv {
  try {
    return loadGatewayEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
