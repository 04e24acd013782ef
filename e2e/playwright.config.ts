import { defineConfig, devices } from '@playwright/test';

/** Ports apart from `npm start`'s, so the suite runs while a developer's platform is up. */
export const E2E_PORTS = {
  shell: 3100,
  services: 3101,
  affairsRemote: 3102,
  licencesRemote: 3103,
  gateway: 4100,
  catalog: 4101,
  identity: 4102,
  affairs: 4103,
  licences: 4104,
  evidence: 4105,
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORTS.shell}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, testMatch: /resident-journey/ },
  ],
  webServer: {
    // The real platform: shell, remote, gateway and catalog on a fresh SQLite data folder.
    command: 'rm -rf ../.data/e2e && node --import tsx ../scripts/start.ts',
    cwd: '.',
    url: `http://localhost:${E2E_PORTS.gateway}/readyz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: '../.data/e2e',
      SHELL_PORT: String(E2E_PORTS.shell),
      SERVICES_PORT: String(E2E_PORTS.services),
      AFFAIRS_REMOTE_PORT: String(E2E_PORTS.affairsRemote),
      LICENCES_REMOTE_PORT: String(E2E_PORTS.licencesRemote),
      GATEWAY_PORT: String(E2E_PORTS.gateway),
      CATALOG_PORT: String(E2E_PORTS.catalog),
      IDENTITY_PORT: String(E2E_PORTS.identity),
      AFFAIRS_PORT: String(E2E_PORTS.affairs),
      LICENCES_PORT: String(E2E_PORTS.licences),
      EVIDENCE_PORT: String(E2E_PORTS.evidence),
      LOG_LEVEL: 'warn',
    },
  },
});
