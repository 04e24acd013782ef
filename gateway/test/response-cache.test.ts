import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCachePlugins } from '@bianmin/kit';
import { createHash } from 'node:crypto';
import { negotiatedType, responseCacheKey } from '../src/response-cache.js';
import { createGateway, loadGatewayEnv, type Gateway } from '../src/gateway.js';
import { composeSupergraph, silent, startSubgraph, type TestSubgraph } from './fixtures.js';

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
// `guides` is public data (cacheable for 60 s); `notes` belongs to whoever asks (never cacheable).
const guidesSdl = `${federation}
  type Query { guides: [Guide!]! }
  type Guide @key(fields: "id") { id: ID! title: String! }`;
const notesSdl = `${federation}
  type Query { myNotes: [String!]! }
  type Guide @key(fields: "id") { id: ID! myNote: String }`;

/** The public `guides` subgraph (max-age 60 s), counting how often it is asked. */
function startGuides(counted: () => void): Promise<TestSubgraph> {
  return startSubgraph(
    'guides',
    guidesSdl,
    {
      Query: {
        guides: () => {
          counted();
          return [{ id: 'g1', title: '居民身份证换领' }];
        },
      },
    },
    publicCachePlugins(60),
  );
}

describe('the gateway response cache', () => {
  let guides: TestSubgraph;
  let notes: TestSubgraph;
  let gateway: Gateway;
  let base: string;
  const calls = { guides: 0, notes: 0 };

  beforeAll(async () => {
    guides = await startGuides(() => calls.guides++);
    notes = await startSubgraph('notes', notesSdl, {
      Query: { myNotes: () => ['mine'] },
      Guide: {
        myNote: () => {
          calls.notes++;
          return 'private';
        },
      },
    });
    gateway = createGateway({
      env: loadGatewayEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL_SECONDS: '30' }),
      supergraphSdl: composeSupergraph([guides, notes]),
      log: silent,
    });
    base = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await gateway.stop(0);
    await Promise.all([guides.stop(), notes.stop()]);
  });

  const ask = async (query: string, language = 'zh-CN') => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({ query }),
    });
    return { response, body: (await response.json()) as { data?: unknown; errors?: unknown } };
  };

  // The header passes on the subgraph's max-age; RESPONSE_CACHE_TTL_SECONDS caps only this gateway's own cache.
  it('answers public data from the cache after the first time, per language, saying so', async () => {
    const first = await ask('{ guides { id title } }');
    expect(first.body).toEqual({ data: { guides: [{ id: 'g1', title: '居民身份证换领' }] } });
    expect(first.response.headers.get('cache-control')).toBe('max-age=60, public');
    const second = await ask('{ guides { id title } }');
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('age')).not.toBeNull();
    expect(calls.guides).toBe(1);

    await ask('{ guides { id title } }', 'en');
    expect(calls.guides).toBe(2);
  });

  it('never caches an answer that touched a subgraph without a public max-age', async () => {
    const query = '{ guides { id myNote } }';
    const before = { ...calls };
    const first = await ask(query);
    expect(first.body).toEqual({ data: { guides: [{ id: 'g1', myNote: 'private' }] } });
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    await ask(query);
    expect(calls.guides - before.guides).toBe(2);
    expect(calls.notes - before.notes).toBe(2);
  });
});

describe('the response cache fast path', () => {
  let guides: TestSubgraph;
  let gateway: Gateway;
  let base: string;
  let calls = 0;
  const GUIDES =
    'query Guides($on: Boolean!, $title: Boolean!) {\n  guides @include(if: $on) {\n    id\n    title @include(if: $title)\n  }\n}';
  const hash = createHash('sha256').update(GUIDES).digest('hex');

  beforeAll(async () => {
    guides = await startGuides(() => calls++);
    gateway = createGateway({
      env: loadGatewayEnv({ NODE_ENV: 'test', RESPONSE_CACHE_TTL_SECONDS: '30' }),
      supergraphSdl: composeSupergraph([guides]),
      log: silent,
    });
    base = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await gateway.stop(0);
    await guides.stop();
  });

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const byHash = (variables: object) => ({
    operationName: 'Guides',
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });

  it('serves a hash-only request from the cache, whatever the order of its variables', async () => {
    // As Apollo Client does when the gateway does not know the hash yet: text and hash together.
    const first = await post({ query: GUIDES, ...byHash({ on: true, title: true }) });
    expect(await first.json()).toEqual({ data: { guides: [{ id: 'g1', title: '居民身份证换领' }] } });
    expect(calls).toBe(1);

    const cached = await post(byHash({ title: true, on: true }), {
      accept: 'application/graphql-response+json,application/json;q=0.9',
    });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(cached.headers.get('age')).toMatch(/^\d+$/);
    expect(cached.headers.get('cache-control')).toMatch(/^max-age=\d+, public$/);
    expect(await cached.json()).toEqual({ data: { guides: [{ id: 'g1', title: '居民身份证换领' }] } });
    expect(calls).toBe(1);

    // Other variables are another answer.
    expect(await (await post(byHash({ on: true, title: false }))).json()).toEqual({
      data: { guides: [{ id: 'g1' }] },
    });
    expect(calls).toBe(2);
  });

  it('still refuses a bad token with 401 rather than serve the cached answer', async () => {
    const refused = await post(byHash({ title: true, on: true }), {
      authorization: 'Bearer not-a-token-at-all',
    });
    expect(refused.status).toBe(401);
    expect(
      ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions
        .code,
    ).toBe('UNAUTHENTICATED');
  });

  it('leaves a request it cannot answer in kind to Apollo Server', async () => {
    const xml = await post(byHash({ title: true, on: true }), { accept: 'application/xml' });
    expect(xml.status).toBe(406);
  });
});

describe('ResponseCache', () => {
  it('keys variables by content, not by order', () => {
    expect(responseCacheKey('h', 'Op', { a: 1, b: { c: [1, 2], d: null } }, 'zh')).toBe(
      responseCacheKey('h', 'Op', { b: { d: null, c: [1, 2] }, a: 1 }, 'zh'),
    );
    expect(responseCacheKey('h', 'Op', { a: 1 }, 'zh')).not.toBe(responseCacheKey('h', 'Op', { a: 1 }, 'en'));
  });

  it('negotiates the media type as Apollo Server does, or steps aside', () => {
    expect(negotiatedType(undefined)).toBe('application/json; charset=utf-8');
    expect(negotiatedType('application/json')).toBe('application/json; charset=utf-8');
    expect(negotiatedType('application/graphql-response+json, application/json;q=0.9')).toBe(
      'application/graphql-response+json; charset=utf-8',
    );
    expect(negotiatedType('application/json, application/graphql-response+json;q=0.5')).toBe(
      'application/json; charset=utf-8',
    );
    expect(negotiatedType('text/html')).toBeNull();
  });
});
