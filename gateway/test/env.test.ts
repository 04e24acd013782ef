import { EnvError } from '@bianmin/kit';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv, subgraphEnvName } from '../src/env.js';
import { resolveEndpoints, subgraphsOf } from '../src/supergraph.js';
import { composeSupergraph, productsSdl, reviewsSdl } from './fixtures.js';

describe('gateway environment', () => {
  it('has working defaults', () => {
    const env = loadGatewayEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      SUBGRAPH_TIMEOUT_MS: 5000,
      CORS_ORIGINS: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      QUERY_MAX_DEPTH: 10,
      QUERY_MAX_ALIASES: 15,
      QUERY_MAX_TOKENS: 2000,
      QUERY_MAX_COST: 20_000,
      SUBGRAPH_URLS: {},
      REVOKED_SESSIONS_MAX: 100_000,
    });
    expect(env.NATS_URL).toBeUndefined();
    expect(env.SUPERGRAPH_PATH).toMatch(/schema\/supergraph\.graphql$/);
  });

  it('collects SUBGRAPH_<NAME>_URL overrides and ignores empty ones', () => {
    const env = loadGatewayEnv({
      SUBGRAPH_CATALOG_URL: 'http://catalog:4001/graphql',
      SUBGRAPH_LIFE_EVENTS_URL: '',
    });
    expect(env.SUBGRAPH_URLS).toEqual({ CATALOG: 'http://catalog:4001/graphql' });
    expect(subgraphEnvName('life-events')).toBe('LIFE_EVENTS');
  });

  it('lists every problem at once', () => {
    const attempt = () =>
      loadGatewayEnv({
        PORT: 'eighty',
        SUBGRAPH_CATALOG_URL: 'catalog:4001',
        NODE_ENV: 'prod',
        NATS_URL: 'http://nats:4222',
      });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/SUBGRAPH_CATALOG_URL: must be an http\(s\) URL/);
      expect(problems).toMatch(/NODE_ENV/);
      expect(problems).toMatch(/NATS_URL: must be nats:\/\/ URL/);
    }
  });
});

describe('supergraph endpoints', () => {
  const supergraph = composeSupergraph([
    { name: 'products', sdl: productsSdl, url: 'http://localhost:4101/graphql' },
    { name: 'reviews', sdl: reviewsSdl, url: 'http://localhost:4102/graphql' },
  ]);

  it('reads subgraph names and URLs from the supergraph', () => {
    expect(subgraphsOf(supergraph)).toEqual([
      { name: 'products', url: 'http://localhost:4101/graphql' },
      { name: 'reviews', url: 'http://localhost:4102/graphql' },
    ]);
  });

  it('applies overrides by name and reports the ones that match nothing', () => {
    const { endpoints, unused } = resolveEndpoints(subgraphsOf(supergraph), {
      REVIEWS: 'http://reviews.internal/graphql',
      REVEIWS: 'http://typo/graphql',
    });
    expect(endpoints).toEqual([
      { name: 'products', url: 'http://localhost:4101/graphql' },
      { name: 'reviews', url: 'http://reviews.internal/graphql' },
    ]);
    expect(unused).toEqual(['SUBGRAPH_REVEIWS_URL']);
  });
});
