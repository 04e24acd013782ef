import { expect, test, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ServicesPage } from './pages/services-page.js';

const manifest = JSON.parse(
  readFileSync(new URL('../../schema/persisted-documents.json', import.meta.url), 'utf8'),
) as { operations: Array<{ id: string; name: string }> };
const known = new Map(manifest.operations.map((o) => [o.id, o.name]));

interface GraphQLPost {
  query?: string;
  operationName?: string;
  extensions?: { persistedQuery?: { sha256Hash: string } };
}

test('the browser sends the hashes of the manifest, not documents, and the gateway answers them', async ({
  page,
}) => {
  const posts: Array<{ request: Request; body: GraphQLPost }> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
      posts.push({ request, body: request.postDataJSON() as GraphQLPost });
  });
  const site = new ServicesPage(page);
  await site.open();
  await site.search('身份证');
  await expect(page.getByTestId('search-result').first()).toBeVisible();

  const hashed = posts.filter(({ body }) => body.extensions?.persistedQuery);
  expect(hashed.length).toBeGreaterThan(1);
  for (const { request, body } of hashed) {
    // Hash only: the gateway knew every one, so no request had to be resent with its text.
    expect(body.query).toBeUndefined();
    expect(known.get(body.extensions!.persistedQuery!.sha256Hash)).toBe(body.operationName);
    const response = await request.response();
    expect(response?.status()).toBe(200);
    expect((await response!.json()).errors).toBeUndefined();
  }
  expect(posts.filter(({ body }) => body.query !== undefined)).toEqual([]);
});
