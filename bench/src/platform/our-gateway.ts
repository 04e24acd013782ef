import { accessTokenKeyFile } from '@bianmin/kit';
import { freePort, startServiceProcess, type ServiceProcess } from '../harness/service-process.js';
import { MANIFEST_PATH } from '../workload/manifest.js';
import type { Subgraphs } from './subgraphs.js';

export interface GatewayLevers {
  /** Clients send only the hash of a manifest document; text is still accepted. */
  persistedDocuments: boolean;
  /** Public answers cached this long (0: no response cache). */
  cacheTtlSeconds: number;
}

/**
 * Our gateway as its own process (`node --import tsx gateway/src/index.ts`) in production mode,
 * with `workers` processes on one port. Admission control keeps its defaults.
 */
export async function startOurGateway(options: {
  subgraphs: Subgraphs;
  dataDir: string;
  internalSecret: string;
  workers: number;
  levers: GatewayLevers;
  /** Browser origins allowed to call it (the shell, for the first-load figure). */
  corsOrigins?: string[];
}): Promise<ServiceProcess> {
  const port = await freePort();
  const { urls } = options.subgraphs;
  return startServiceProcess({
    name: 'gateway',
    args: ['--import', 'tsx', 'gateway/src/index.ts'],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: options.dataDir,
      AUTH_KEYS_FILE: accessTokenKeyFile(options.dataDir),
      INTERNAL_AUTH_SECRET: options.internalSecret,
      SUBGRAPH_CATALOG_URL: urls.catalog,
      SUBGRAPH_IDENTITY_URL: urls.identity,
      SUBGRAPH_AFFAIRS_URL: urls.affairs,
      SUBGRAPH_LICENCES_URL: urls.licences,
      SUBGRAPH_EVIDENCE_URL: urls.evidence,
      GATEWAY_WORKERS: String(options.workers),
      PERSISTED_DOCUMENTS: options.levers.persistedDocuments ? 'allow' : 'off',
      PERSISTED_DOCUMENTS_PATH: MANIFEST_PATH,
      RESPONSE_CACHE_TTL_SECONDS: String(options.levers.cacheTtlSeconds),
      ...(options.corsOrigins && { CORS_ORIGINS: options.corsOrigins.join(',') }),
    },
    port,
    readyPath: '/readyz',
  });
}
