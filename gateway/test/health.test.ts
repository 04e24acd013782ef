import { afterEach, describe, expect, it } from 'vitest';
import { createGateway, loadGatewayEnv } from '../src/gateway.js';
import { composeSupergraph, productsSdl, silent, startFixture, type Fixture } from './fixtures.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('health', () => {
  it('/healthz is 200 while the process is alive', async () => {
    fixture = await startFixture();
    const response = await fetch(`${fixture.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
  });

  it('/readyz is 200 when every subgraph answers, and 503 naming the one that does not', async () => {
    fixture = await startFixture();
    const ready = await fetch(`${fixture.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      supergraph: 'loaded',
      subgraphs: {
        products: { status: 'ok', url: fixture.products.url },
        reviews: { status: 'ok', url: fixture.reviews.url },
      },
      unreachable: [],
    });

    await fixture.reviews.stop();
    const notReady = await fetch(`${fixture.base}/readyz`);
    expect(notReady.status).toBe(503);
    const report = await notReady.json();
    expect(report).toMatchObject({
      status: 'not ready',
      subgraphs: {
        products: { status: 'ok' },
        reviews: { status: 'unreachable', error: expect.stringMatching(/ECONNREFUSED/) },
      },
      unreachable: ['reviews'],
    });
  });

  it('is not ready before the supergraph is loaded', async () => {
    const gateway = createGateway({
      env: loadGatewayEnv({ NODE_ENV: 'test', READINESS_TIMEOUT_MS: '200' }),
      supergraphSdl: composeSupergraph([
        { name: 'products', sdl: productsSdl, url: 'http://127.0.0.1:9/graphql' },
      ]),
      log: silent,
    });
    try {
      expect(await gateway.ready()).toMatchObject({
        status: 'not ready',
        supergraph: 'not loaded',
        unreachable: ['products'],
      });
    } finally {
      await gateway.stop(0);
    }
  });
});

describe('CORS', () => {
  it('allows the shell’s origin and no other', async () => {
    fixture = await startFixture();
    const preflight = (origin: string) =>
      fetch(`${fixture!.base}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const shell = await preflight('http://localhost:3000');
    expect(shell.status).toBe(204);
    expect(shell.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
