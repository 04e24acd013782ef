import { sendJson, type RouteHandler } from '@bianmin/kit';
import type { Fetcher } from './subgraph-fetcher.js';
import type { SubgraphEndpoint } from './supergraph.js';

export interface SubgraphStatus {
  url: string;
  status: 'ok' | 'unreachable';
  latencyMs: number;
  /** Why it is unreachable. */
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'not ready';
  service: 'gateway';
  supergraph: 'loaded' | 'not loaded';
  subgraphs: Record<string, SubgraphStatus>;
  /** Names of the subgraphs that did not answer, for a quick look. */
  unreachable: string[];
}

const PROBE = JSON.stringify({ query: '{ __typename }' });

/** POST `{ __typename }` to a subgraph: reachable means a 2xx with `data.__typename`. */
export async function probeSubgraph(fetcher: Fetcher, endpoint: SubgraphEndpoint): Promise<SubgraphStatus> {
  const started = performance.now();
  const result = (status: SubgraphStatus['status'], error?: string): SubgraphStatus => ({
    url: endpoint.url,
    status,
    latencyMs: Math.round(performance.now() - started),
    ...(error ? { error } : {}),
  });
  try {
    const response = await fetcher(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: PROBE,
    });
    if (!response.ok) return result('unreachable', `HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { __typename?: unknown } } | null;
    if (typeof body?.data?.__typename !== 'string')
      return result('unreachable', 'answer without data.__typename');
    return result('ok');
  } catch (error) {
    return result('unreachable', error instanceof Error ? error.message : String(error));
  }
}

export interface ReadinessOptions {
  endpoints: readonly SubgraphEndpoint[];
  /** A fetcher with the (short) readiness deadline. */
  fetcher: Fetcher;
  supergraphLoaded: () => boolean;
}

/** Ready = the supergraph is loaded and every subgraph answers, probed in parallel. */
export async function checkReadiness(options: ReadinessOptions): Promise<ReadinessReport> {
  const loaded = options.supergraphLoaded();
  const statuses = await Promise.all(
    options.endpoints.map(
      async (endpoint) => [endpoint.name, await probeSubgraph(options.fetcher, endpoint)] as const,
    ),
  );
  const unreachable = statuses.filter(([, s]) => s.status !== 'ok').map(([name]) => name);
  return {
    status: loaded && unreachable.length === 0 ? 'ready' : 'not ready',
    service: 'gateway',
    supergraph: loaded ? 'loaded' : 'not loaded',
    subgraphs: Object.fromEntries(statuses),
    unreachable,
  };
}

/** `/healthz` (the process is alive) and `/readyz` (it can serve queries; 503 otherwise). */
export function healthRoutes(
  ready: () => Promise<ReadinessReport>,
  draining: () => boolean,
): Record<string, RouteHandler> {
  return {
    '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok', service: 'gateway' }),
    '/readyz': async (_req, res) => {
      if (draining()) return sendJson(res, 503, { status: 'draining', service: 'gateway' });
      const report = await ready();
      sendJson(res, report.status === 'ready' ? 200 : 503, report, { 'cache-control': 'no-store' });
    },
  };
}
