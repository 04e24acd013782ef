import { afterEach, describe, expect, it } from 'vitest';
import { startBlackhole, startFixture, startStatusServer, type Fixture } from './fixtures.js';

const BOTH = '{ products { id name reviews { body } } reviews { body } }';
const unavailable = (service: string, requestId: string | null) => ({
  message: `The ${service} service is temporarily unavailable. Please try again shortly.`,
  extensions: { code: 'UNAVAILABLE', service, requestId },
});

let fixture: Fixture | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('partial results', () => {
  it('answers a query across both subgraphs, including the entity extended by reviews', async () => {
    fixture = await startFixture();
    const { status, body } = await fixture.query(BOTH);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        products: [
          { id: 'p1', name: '居民身份证换领', reviews: [{ body: '很快' }] },
          { id: 'p2', name: '结婚登记', reviews: [{ body: '方便' }] },
        ],
        reviews: [{ body: '很快' }, { body: '方便' }],
      },
    });
  });

  it('returns the live subgraph’s data and one UNAVAILABLE error when the other is stopped', async () => {
    fixture = await startFixture();
    expect((await fixture.query(BOTH)).body.errors).toBeUndefined(); // warm keep-alive connections first

    await fixture.reviews.stop();
    const { status, requestId, body } = await fixture.query(BOTH);

    expect(status).toBe(200);
    expect(body.data).toEqual({
      products: [
        { id: 'p1', name: '居民身份证换领', reviews: null },
        { id: 'p2', name: '结婚登记', reviews: null },
      ],
      reviews: null,
    });
    // Both fetches to reviews failed (root field and entity fetch); the client is told once.
    expect(body.errors).toEqual([unavailable('reviews', requestId)]);
  });

  it('names the owning subgraph when the one that starts the plan is down', async () => {
    fixture = await startFixture();
    await fixture.products.stop();
    const { body, requestId } = await fixture.query(BOTH);
    expect(body.data).toEqual({ products: null, reviews: [{ body: '很快' }, { body: '方便' }] });
    expect(body.errors).toEqual([unavailable('products', requestId)]);
  });

  it('reports a subgraph that accepts the connection but never answers as UNAVAILABLE after the timeout', async () => {
    const blackhole = await startBlackhole();
    cleanups.push(blackhole.stop);
    fixture = await startFixture({
      env: { SUBGRAPH_REVIEWS_URL: blackhole.url, SUBGRAPH_TIMEOUT_MS: '300' },
    });
    expect(fixture.gateway.subgraphs).toContainEqual({ name: 'reviews', url: blackhole.url });

    const { body, requestId } = await fixture.query(BOTH);
    expect(body.data?.products).toHaveLength(2);
    expect(body.data?.reviews).toBeNull();
    expect(body.errors).toEqual([unavailable('reviews', requestId)]);
  });

  it('treats a 503 from a proxy in front of a subgraph as UNAVAILABLE', async () => {
    const proxy = await startStatusServer(503);
    cleanups.push(proxy.stop);
    fixture = await startFixture({ env: { SUBGRAPH_REVIEWS_URL: proxy.url } });
    const { body, requestId } = await fixture.query('{ reviews { body } }');
    expect(body).toEqual({ data: { reviews: null }, errors: [unavailable('reviews', requestId)] });
  });
});
