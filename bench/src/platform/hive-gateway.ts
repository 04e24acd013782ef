import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessTokenKeyFile } from '@bianmin/kit';
import { freePort, REPO_ROOT, startServiceProcess, type ServiceProcess } from '../harness/service-process.js';
import { MANIFEST_PATH } from '../workload/manifest.js';
import type { GatewayLevers } from './our-gateway.js';
import type { Subgraphs } from './subgraphs.js';

const HIVE_BIN = join(
  createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json'),
  '../dist/bin.js',
);
const CONFIG = fileURLToPath(new URL('../hive/gateway.config.ts', import.meta.url));

/**
 * The committed supergraph with every `join__graph(name: …, url: …)` pointed at the bench's
 * subgraph processes: the same schema our gateway plans over, with the same subgraphs behind it.
 */
export function supergraphFor(subgraphs: Subgraphs): string {
  let sdl = readFileSync(`${REPO_ROOT}schema/supergraph.graphql`, 'utf8');
  for (const [name, url] of Object.entries(subgraphs.urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`);
    if (!pattern.test(sdl)) throw new Error(`schema/supergraph.graphql has no join__graph for ${name}`);
    sdl = sdl.replace(pattern, `$1"${url}"`);
  }
  return sdl;
}

/**
 * Hive Gateway's CLI (`hive-gateway supergraph`) as its own process with our `gateway.config.ts`
 * and `--fork <workers>`. The CLI runs under tsx, as our gateway does, for the TypeScript config
 * and kit's sources; its forked workers inherit that.
 */
export async function startHiveGateway(options: {
  subgraphs: Subgraphs;
  dataDir: string;
  internalSecret: string;
  workers: number;
  levers: GatewayLevers | null;
}): Promise<ServiceProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-hive-'));
  const supergraph = join(dir, 'supergraph.graphql');
  writeFileSync(supergraph, supergraphFor(options.subgraphs));
  const args = ['--import', 'tsx', HIVE_BIN, 'supergraph', supergraph, '--config-path', CONFIG];
  if (options.workers > 1) args.push('--fork', String(options.workers));
  const hive = await startServiceProcess({
    name: 'hive-gateway',
    args: [...args, '--host', '127.0.0.1', '--port', String(port)],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      AUTH_KEYS_FILE: accessTokenKeyFile(options.dataDir),
      INTERNAL_AUTH_SECRET: options.internalSecret,
      BENCH_HIVE_LEVERS: options.levers ? 'on' : 'off',
      BENCH_HIVE_MANIFEST: MANIFEST_PATH,
      BENCH_HIVE_CACHE_TTL_SECONDS: String(options.levers?.cacheTtlSeconds ?? 0),
      BENCH_HIVE_PERSISTED: options.levers?.persistedDocuments ? 'on' : 'off',
    },
    port,
    readyPath: '/readiness',
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...hive,
    async stop() {
      await hive.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
