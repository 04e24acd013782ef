import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  affairsRemote,
  createShellServer,
  createStaticServer,
  licencesRemote,
  servicesRemote,
  verifyRemote,
} from '@bianmin/shell/server';
import { freePort, REPO_ROOT } from '../harness/service-process.js';

/** Launched as the e2e suite launches Debian's Chromium: headless, and quiet on the network. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
const BUILDS = ['shell', 'frontends/services', 'frontends/affairs', 'frontends/licences'];
/** The home page's main content: the life events, which come from the gateway through the services remote. */
const MAIN_CONTENT = '[data-testid="life-event"]';

export interface FirstLoad {
  /** Gzipped bytes of the JavaScript the shell's own origin served for the first load (remotes excluded). */
  shellJsGzipBytes: number;
  shellJsFiles: number;
  /** Navigation start → first contentful paint, and → the main content visible; medians of the runs. */
  firstContentfulPaintMs: number;
  mainContentMs: number;
  runs: number;
}

/** Build the shell and the remotes (`npm run build:web`) unless every build is there already. */
export function ensureWebBuild(log: (line: string) => void): void {
  if (BUILDS.every((dir) => existsSync(`${REPO_ROOT}${dir}/dist`))) return;
  log('web: building the shell and the remotes (npm run build:web)…');
  const built = spawnSync('npm', ['run', 'build:web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

const listen = (server: Server, port = 0) =>
  new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Serve the built shell and remotes the way the platform script does (the shell with its runtime
 * manifest, each remote on its own origin), then load `/` in Chromium `runs` times, each in a
 * fresh browser context (a first visit, nothing cached). The gateway at `gatewayUrl` must allow
 * the shell's origin (`shellOrigin` is passed to `startGateway` for that).
 */
export async function measureFirstLoad(
  startGateway: (shellOrigin: string) => Promise<{ url: string; stop(): Promise<void> }>,
  runs = 3,
): Promise<FirstLoad> {
  const remotes = {
    services: createStaticServer({ root: `${REPO_ROOT}frontends/services/dist`, cors: true }),
    affairs: createStaticServer({ root: `${REPO_ROOT}frontends/affairs/dist`, cors: true }),
    licences: createStaticServer({ root: `${REPO_ROOT}frontends/licences/dist`, cors: true }),
  };
  const servers: Server[] = Object.values(remotes);
  const stops: (() => Promise<void>)[] = [];
  try {
    const origins = {
      services: await listen(remotes.services),
      affairs: await listen(remotes.affairs),
      licences: await listen(remotes.licences),
    };
    // The shell's origin first: the gateway must allow it (CORS).
    const shellPort = await freePort();
    const shellOrigin = `http://127.0.0.1:${shellPort}`;
    const gateway = await startGateway(shellOrigin);
    stops.push(() => gateway.stop());
    const shell = createShellServer({
      gatewayUrl: gateway.url,
      remotes: [
        servicesRemote(`${origins.services}/remoteEntry.js`),
        affairsRemote(`${origins.affairs}/remoteEntry.js`),
        licencesRemote(`${origins.licences}/remoteEntry.js`),
        verifyRemote(`${origins.licences}/remoteEntry.js`),
      ],
    });
    servers.push(shell);
    await listen(shell, shellPort);

    const browser = await chromium.launch(CHROMIUM);
    stops.push(() => browser.close());
    const paints: number[] = [];
    const contents: number[] = [];
    let shellJs = { bytes: 0, files: 0 };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin === shellOrigin && /\.m?js$/.test(url.pathname))
          scripts.push(response.body().then((body) => gzipSync(body).length));
      });
      await page.goto(`${shellOrigin}/`);
      await page.locator(MAIN_CONTENT).first().waitFor({ state: 'visible', timeout: 30_000 });
      const timings = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        now: performance.now(),
      }));
      paints.push(timings.fcp);
      contents.push(timings.now);
      const sizes = await Promise.all(scripts);
      shellJs = { bytes: sizes.reduce((sum, size) => sum + size, 0), files: sizes.length };
      await context.close();
    }
    return {
      shellJsGzipBytes: shellJs.bytes,
      shellJsFiles: shellJs.files,
      firstContentfulPaintMs: Math.round(median(paints)),
      mainContentMs: Math.round(median(contents)),
      runs,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
