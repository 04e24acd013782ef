import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * A separate gateway + catalog pair, started from their real entry points, so the catalog can be
 * stopped for real (SIGTERM) without disturbing the platform the other journeys use.
 */
const GATEWAY = 4200;
const CATALOG = 4201;
const repo = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

function start(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repo,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

test.afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

test('a query through the gateway while the catalog is stopped gets a clear error, not a hang', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const catalog = start('subgraphs/catalog/src/index.ts', {
    PORT: String(CATALOG),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bianmin-e2e-')),
  });
  start('gateway/src/index.ts', {
    PORT: String(GATEWAY),
    SUBGRAPH_CATALOG_URL: `http://127.0.0.1:${CATALOG}/graphql`,
    // Only the catalog matters here; identity is deliberately absent.
    SUBGRAPH_IDENTITY_URL: 'http://127.0.0.1:9/graphql',
    SUBGRAPH_TIMEOUT_MS: '3000',
  });
  const gateway = `http://127.0.0.1:${GATEWAY}`;
  const query = { query: '{ lifeEvents { code name } }' };
  // Up when the catalog answers through the gateway (identity is absent on purpose, so /readyz stays 503).
  await expect
    .poll(
      async () => {
        const res = await request.post(`${gateway}/graphql`, { data: query }).catch(() => null);
        return res?.ok() ? ((await res.json()).data?.lifeEvents?.length ?? 0) : 0;
      },
      { timeout: 90_000 },
    )
    .toBeGreaterThan(0);

  const exited = new Promise((resolve) => catalog.once('exit', resolve));
  catalog.kill('SIGTERM');
  await exited;

  // What was asked before is still answered, from the gateway's response cache (public data, 60 s)…
  const cached = await request.post(`${gateway}/graphql`, { data: query, timeout: 15_000 });
  expect((await cached.json()).data.lifeEvents.length).toBeGreaterThan(0);
  expect(cached.headers()['age']).toBeDefined();
  // …anything else needs the catalog, and says clearly that it is not there.
  const down = await request.post(`${gateway}/graphql`, {
    data: { query: '{ departments { code name } }' },
    timeout: 15_000,
  });
  const body = await down.json();
  expect(body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', service: 'catalog' });
  expect(body.errors[0].message).toMatch(/catalog/);
  const ready = await request.get(`${gateway}/readyz`);
  expect(ready.status()).toBe(503);
  expect((await ready.json()).unreachable).toContain('catalog');
});
