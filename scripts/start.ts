/**
 * `npm start`: build what is missing, then run the whole platform on its embedded defaults
 * (SQLite under .data/, demo data loaded on first start) and print where to open it.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseEnvShape, createLogger, onShutdown, parseEnvOrExit } from '@bianmin/kit';
import { DEFAULT_PORTS, startPlatform } from './platform.js';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const env = parseEnvOrExit({
  ...baseEnvShape,
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_HOST: z.string().default('localhost'),
  SHELL_PORT: port(DEFAULT_PORTS.shell),
  SERVICES_PORT: port(DEFAULT_PORTS.services),
  AFFAIRS_REMOTE_PORT: port(DEFAULT_PORTS.affairsRemote),
  LICENCES_REMOTE_PORT: port(DEFAULT_PORTS.licencesRemote),
  NATS_URL: z
    .string()
    .regex(/^nats:\/\//, 'must be a nats:// URL')
    .optional(),
  GATEWAY_PORT: port(DEFAULT_PORTS.gateway),
  CATALOG_PORT: port(DEFAULT_PORTS.catalog),
  IDENTITY_PORT: port(DEFAULT_PORTS.identity),
  AFFAIRS_PORT: port(DEFAULT_PORTS.affairs),
  LICENCES_PORT: port(DEFAULT_PORTS.licences),
  EVIDENCE_PORT: port(DEFAULT_PORTS.evidence),
});
const log = createLogger('platform', env.LOG_LEVEL);

const repo = fileURLToPath(new URL('..', import.meta.url));
const missing = [
  'shell/dist/index.html',
  'frontends/services/dist/remoteEntry.js',
  'frontends/affairs/dist/remoteEntry.js',
  'frontends/licences/dist/remoteEntry.js',
].filter((f) => !existsSync(join(repo, f)));
if (missing.length > 0 || process.argv.includes('--build')) {
  console.log('Building the shell and micro-frontends (first start only)…');
  execSync(
    'npx turbo run build --filter=@bianmin/shell --filter=@bianmin/services --filter=@bianmin/affairs-web --filter=@bianmin/licences-web --output-logs=errors-only',
    { stdio: 'inherit', cwd: repo },
  );
}

const started = Date.now();
const platform = await startPlatform({
  dataDir: env.DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  internalSecret: env.INTERNAL_AUTH_SECRET,
  host: env.HOST,
  publicHost: env.PUBLIC_HOST,
  ports: {
    shell: env.SHELL_PORT,
    services: env.SERVICES_PORT,
    affairsRemote: env.AFFAIRS_REMOTE_PORT,
    licencesRemote: env.LICENCES_REMOTE_PORT,
    gateway: env.GATEWAY_PORT,
    catalog: env.CATALOG_PORT,
    identity: env.IDENTITY_PORT,
    affairs: env.AFFAIRS_PORT,
    licences: env.LICENCES_PORT,
    evidence: env.EVIDENCE_PORT,
  },
  natsUrl: env.NATS_URL,
  log,
});
console.log(`
  便民 Bianmin is running (ready in ${Date.now() - started} ms, data in ${env.DATABASE_URL ? 'PostgreSQL' : `${env.DATA_DIR}/`}).

    Open the site:        ${platform.urls.shell}
    GraphQL gateway:      ${platform.urls.gateway}   (explorer in development)
    catalog subgraph:     ${platform.urls.catalog}
    identity subgraph:    ${platform.urls.identity}
    affairs subgraph:     ${platform.urls.affairs}
    licences subgraph:    ${platform.urls.licences}
    evidence subgraph:    ${platform.urls.evidence}
    services remote:      ${platform.urls.services}
    affairs remote:       ${platform.urls.affairsRemote}
    licences remote:      ${platform.urls.licencesRemote}

  Press Ctrl-C to stop.
`);
onShutdown(log, [() => platform.stop()]);
