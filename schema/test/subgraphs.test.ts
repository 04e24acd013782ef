import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverSubgraphs, DiscoveryError } from '../src/subgraphs.js';

let root: string;

function repo(registry: Record<string, string>, subgraphs: string[]) {
  root = mkdtempSync(join(tmpdir(), 'bianmin-schema-'));
  mkdirSync(join(root, 'schema'));
  writeFileSync(join(root, 'schema', 'subgraphs.json'), JSON.stringify(registry));
  for (const name of [...subgraphs, 'kit']) {
    mkdirSync(join(root, 'subgraphs', name, 'src'), { recursive: true });
    if (name !== 'kit')
      writeFileSync(join(root, 'subgraphs', name, 'src', 'schema.graphql'), `type Query { ${name}: String }`);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('discoverSubgraphs', () => {
  it('finds every subgraph SDL except kit, sorted, with its registry URL', async () => {
    const found = await discoverSubgraphs(
      repo({ reviews: 'http://localhost:4102/graphql', products: 'http://localhost:4101/graphql' }, [
        'reviews',
        'products',
      ]),
    );
    expect(found.map(({ name, url, file }) => ({ name, url, file }))).toEqual([
      {
        name: 'products',
        url: 'http://localhost:4101/graphql',
        file: 'subgraphs/products/src/schema.graphql',
      },
      { name: 'reviews', url: 'http://localhost:4102/graphql', file: 'subgraphs/reviews/src/schema.graphql' },
    ]);
  });

  it('asks for a registry line when a new subgraph has none', async () => {
    const error = await discoverSubgraphs(
      repo({ products: 'http://localhost:4101/graphql' }, ['products', 'reviews']),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as DiscoveryError).problems).toEqual([
      'subgraphs/reviews/src/schema.graphql has no URL: add "reviews": "http://localhost:<port>/graphql" to schema/subgraphs.json',
    ]);
  });
});
