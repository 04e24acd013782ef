import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile, signAccessToken, signingKeysFrom } from '@bianmin/kit';
import { loadPersistedDocuments, PersistedDocumentStore } from '../src/persisted-documents.js';
import { startFixture, type Fixture, type GraphQLBody } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const KNOWN = 'query Products {\n  products {\n    id\n    name\n  }\n}';
const OTHER = '{ products { id } }';

function writeManifest(operations: Array<{ id: string; name: string; body: string }>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bianmin-persisted-')), 'persisted-documents.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: operations.map((o) => ({ ...o, type: 'query' })),
    }),
  );
  return path;
}
const manifest = writeManifest([{ id: sha256(KNOWN), name: 'Products', body: KNOWN }]);

async function post(fixture: Fixture, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${fixture.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const PRODUCTS = { products: [expect.objectContaining({ id: 'p1' }), expect.objectContaining({ id: 'p2' })] };

describe('the persisted-documents manifest', () => {
  it('refuses an entry whose id is not the hash of its body', () => {
    const forged = writeManifest([{ id: sha256(OTHER), name: 'Products', body: KNOWN }]);
    expect(() => loadPersistedDocuments(forged)).toThrow(/not the SHA-256 of its body/);
  });

  it('keeps at most registeredMax registered documents, dropping the least recently used', async () => {
    const store = new PersistedDocumentStore(new Map(), 'allow', 2);
    await store.set('apq:a', 'A');
    await store.set('apq:b', 'B');
    await store.get('apq:a');
    await store.set('apq:c', 'C');
    expect(await store.get('apq:a')).toBe('A');
    expect(await store.get('apq:b')).toBeUndefined();
    expect(await store.get('apq:c')).toBe('C');
  });

  it('is the frontends’ own: every id of schema/persisted-documents.json is its body’s hash', () => {
    const documents = loadPersistedDocuments(
      new URL('../../schema/persisted-documents.json', import.meta.url).pathname,
    );
    expect(documents.size).toBeGreaterThan(50);
  });
});

describe('persisted documents, allowed', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixture({
      env: { PERSISTED_DOCUMENTS: 'allow', PERSISTED_DOCUMENTS_PATH: manifest },
    });
  });
  afterAll(() => fixture.close());

  it('runs a platform document sent by hash alone', async () => {
    const { status, body } = await post(fixture, byHash(sha256(KNOWN)));
    expect(status).toBe(200);
    expect(body).toEqual({ data: PRODUCTS });
  });

  it('asks for the text of an unknown hash, then remembers it (automatic persisted queries)', async () => {
    const first = await post(fixture, byHash(sha256(OTHER)));
    expect(first.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(fixture, { query: OTHER, ...byHash(sha256(OTHER)) });
    expect(registered.body.errors).toBeUndefined();
    const again = await post(fixture, byHash(sha256(OTHER)));
    expect(again.body).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
  });

  it('still runs documents sent as text', async () => {
    expect((await post(fixture, { query: OTHER })).body.errors).toBeUndefined();
  });
});

describe('persisted documents, required', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await startFixture({
      env: { PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_PATH: manifest },
    });
  });
  afterAll(() => fixture.close());

  it('runs the platform’s documents, by hash or as text', async () => {
    expect((await post(fixture, byHash(sha256(KNOWN)))).body).toEqual({ data: PRODUCTS });
    expect((await post(fixture, { query: KNOWN })).body).toEqual({ data: PRODUCTS });
  });

  it('refuses another document with a clear code, and never registers it', async () => {
    const refused = await post(fixture, { query: OTHER });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const registering = await post(fixture, { query: OTHER, ...byHash(sha256(OTHER)) });
    expect(registering.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const byHashAfter = await post(fixture, byHash(sha256(OTHER)));
    expect(byHashAfter.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets a partner client (a client-credentials token) send its own documents', async () => {
    const keys = await signingKeysFrom(await loadOrCreateKeyFile(fixture.keyFile));
    const token = await signAccessToken(keys, {
      accountId: null,
      personId: null,
      clientId: 'partner-1',
      roles: [],
      scopes: ['catalog:read'],
    });
    const { status, body } = await post(fixture, { query: OTHER }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
