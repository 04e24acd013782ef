/**
 * `npm run bench:search`: catalog search through the gateway with 5,000 service items and 5,000 points.
 * Loopback only, bounded in time; prints a table and writes it to bench/results/. Figures, not
 * assertions: nothing here fails on a slow run.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createLogger } from '@bianmin/kit';
import { createCatalogOrm, createCatalogSubgraph } from '@bianmin/catalog';
import { seedSyntheticCatalog } from '@bianmin/catalog/synthetic';
import { createGateway, loadGatewayEnv } from '@bianmin/gateway';
import { SEARCH_TERMS } from './workload/search-terms.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const log = createLogger('bench', 'warn');

const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-'));
const orm = await createCatalogOrm({
  dataDir: dir,
  databaseUrl: process.env.BENCH_DATABASE_URL,
  logger: log,
});
const loadStarted = Date.now();
const loaded = await seedSyntheticCatalog(orm, { items: 5000, points: 5000 });
const loadMs = Date.now() - loadStarted;
const catalog = createCatalogSubgraph({ orm, log });
const catalogPort = await catalog.listen(0, '127.0.0.1');
const gateway = createGateway({
  env: loadGatewayEnv({
    LOG_LEVEL: 'warn',
    // The catalog shares this process: admission control would measure (and refuse) itself.
    MAX_CONCURRENT_REQUESTS: '0',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    SUBGRAPH_CATALOG_URL: `http://127.0.0.1:${catalogPort}/graphql`,
  }),
  log,
});
const gatewayPort = await gateway.listen(0, '127.0.0.1');

const SEARCH = `query Search($q: String!) { searchServiceItems(query: $q, first: 10) { totalCount edges { score node { id code name promisedDays department { name } } } } }`;
const QUERIES = SEARCH_TERMS;

async function run(name: string, url: string) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json' },
    requests: QUERIES.map((q) => ({ body: JSON.stringify({ query: SEARCH, variables: { q } }) })),
  });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const rows = [
  await run('catalog subgraph directly', `http://127.0.0.1:${catalogPort}/graphql`),
  await run('through the gateway', `http://127.0.0.1:${gatewayPort}/graphql`),
];
await gateway.stop(1000);
await catalog.stop(1000);
rmSync(dir, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `## Catalog search, ${loaded.items} + demo items, ${loaded.points} + demo points (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`,
  '',
  `Machine: ${machine}. ${CONNECTIONS} connections, ${DURATION_S} s per target, 10 different queries. Bulk load: ${loadMs} ms.`,
  '',
  '| target | req/s | p50 ms | p99 ms | errors |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`),
  '',
].join('\n');
console.log(table);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`../results/search-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, import.meta.url),
  table,
);
