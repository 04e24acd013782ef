import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/composition.js';
import type { SubgraphSource } from '../src/subgraphs.js';

const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

const products: SubgraphSource = {
  name: 'products',
  url: 'http://localhost:4101/graphql',
  file: 'subgraphs/products/src/schema.graphql',
  sdl: `${header}
    "Root"
    type Query {
      "All products."
      products: [Product!]
    }
    "A product."
    type Product @key(fields: "id") {
      "Id."
      id: ID!
      "Name."
      name: String!
    }`,
};

const reviews: SubgraphSource = {
  name: 'reviews',
  url: 'http://localhost:4102/graphql',
  file: 'subgraphs/reviews/src/schema.graphql',
  sdl: `${header}
    type Query {
      "Latest reviews."
      reviews: [Review!]
    }
    "A review."
    type Review {
      "What the reviewer wrote."
      body: String!
    }
    type Product @key(fields: "id") {
      id: ID!
      "Reviews of this product."
      reviews: [Review!]
    }`,
};

describe('composeSupergraph', () => {
  it('composes two subgraphs into a supergraph and a clean, sorted API schema', () => {
    const outcome = composeSupergraph([products, reviews]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));

    expect(outcome.supergraphSdl).toContain(
      'PRODUCTS @join__graph(name: "products", url: "http://localhost:4101/graphql")',
    );
    expect(outcome.supergraphSdl).toContain(
      'REVIEWS @join__graph(name: "reviews", url: "http://localhost:4102/graphql")',
    );

    // The public schema has the merged entity but none of the federation machinery.
    expect(outcome.apiSdl).toMatch(/type Product \{[^}]*name: String![^}]*reviews: \[Review!\][^}]*\}/s);
    expect(outcome.apiSdl).not.toMatch(/join__|link__|@key|_entities|_service/);
    // Sorted: Product before Query before Review, whatever the subgraph order.
    const order = ['type Product', 'type Query', 'type Review'].map((t) => outcome.apiSdl.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const reversed = composeSupergraph([reviews, products]);
    expect(reversed.ok && reversed.apiSdl).toBe(outcome.apiSdl);
  });

  it('fails with a readable message when subgraphs conflict', () => {
    const conflicting: SubgraphSource = {
      ...reviews,
      sdl: `${header}
        type Query { "Clash." products: [Product!] }
        type Product @key(fields: "id") { id: ID! "Clash." name: Int }`,
    };
    const outcome = composeSupergraph([products, conflicting]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const text = outcome.errors.join('\n');
    expect(text).toMatch(/Query\.products/);
    expect(text).toMatch(/Product\.name/);
    expect(text).toMatch(/\[INVALID_FIELD_SHARING\]|\[FIELD_TYPE_MISMATCH\]/);
  });

  it('reports SDL that does not parse with its file name', () => {
    const outcome = composeSupergraph([{ ...products, sdl: 'type Query {' }]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.errors[0]).toMatch(/^subgraphs\/products\/src\/schema\.graphql: Syntax Error/);
  });
});
