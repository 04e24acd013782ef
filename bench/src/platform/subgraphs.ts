import { freePort, startServiceProcess, type ServiceProcess } from '../harness/service-process.js';

export const SUBGRAPH_NAMES = ['catalog', 'identity', 'affairs', 'licences', 'evidence'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface Subgraphs {
  processes: Record<SubgraphName, ServiceProcess>;
  /** `http://127.0.0.1:<port>/graphql` of each. */
  urls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

/**
 * Each subgraph as its own process (`node --import tsx subgraphs/<name>/src/index.ts`), as in
 * production, on the prepared data, with the SQL statement counter on (`GET /metrics`).
 */
export async function startSubgraphs(dataDir: string, internalSecret: string): Promise<Subgraphs> {
  const ports = Object.fromEntries(
    await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await freePort()] as const)),
  ) as Record<SubgraphName, number>;
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
  ) as Record<SubgraphName, string>;
  const extra: Record<SubgraphName, Record<string, string>> = {
    catalog: {},
    identity: {},
    // Affairs asks the catalog for an item's terms, identity and licences for the applicant's facts.
    // The SLA sweep hourly, not every minute: the cached city was made as of a past day, and the
    // sweep would spend the run catching up with every deadline passed since (thousands of
    // escalations, each a transaction on SQLite's one connection) — a backlog a running city never
    // has, which slowed affairs past the gateways' deadlines in whichever target ran first.
    affairs: {
      CATALOG_URL: urls.catalog,
      IDENTITY_URL: urls.identity,
      LICENCES_URL: urls.licences,
      SLA_SWEEP_SECONDS: '3600',
    },
    licences: { IDENTITY_URL: urls.identity },
    evidence: {},
  };
  const started = await Promise.allSettled(
    SUBGRAPH_NAMES.map((name) =>
      startServiceProcess({
        name,
        args: ['--import', 'tsx', `subgraphs/${name}/src/index.ts`],
        env: {
          NODE_ENV: 'development', // the demo accounts exist only outside production
          DATA_DIR: dataDir,
          PORT: String(ports[name]),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          SEED_DEMO_DATA: 'true',
          INTERNAL_AUTH_SECRET: internalSecret,
          SQL_METRICS: 'true',
          ...extra[name],
        },
        port: ports[name],
        readyPath: '/readyz',
        readyTimeoutMs: 120_000,
      }),
    ),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((service) => service.stop()));
    throw failed.reason;
  }
  const processes = Object.fromEntries(running.map((service) => [service.name, service])) as Record<
    SubgraphName,
    ServiceProcess
  >;
  return {
    processes,
    urls,
    async stop() {
      await Promise.all(running.map((service) => service.stop()));
    },
  };
}
