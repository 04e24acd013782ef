import { describe, expect, it } from 'vitest';
import { drivers, query, useCatalog } from './setup.js';

interface Page {
  searchServiceItems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ score: number; cursor: string; node: { code: string; name: string } }>;
  };
}
const SEARCH = `query ($q: String!, $first: Int, $after: String) {
  searchServiceItems(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { score cursor node { code name } }
  }
}`;

describe.each(drivers)('searchServiceItems on %s', (driver) => {
  const fx = useCatalog(driver);

  it('ranks items named 身份证 above items that merely mention it', async () => {
    const { searchServiceItems: page } = await query<Page>(fx, SEARCH, { q: '身份证', first: 10 });
    const names = page.edges.map((e) => e.node.name);
    expect(names.slice(0, 4).sort()).toEqual(
      ['临时居民身份证申领', '居民身份证挂失补领', '居民身份证换领', '居民身份证首次申领'].sort(),
    );
    // Many other guides list 居民身份证 among their materials: they are found, but rank lower.
    expect(page.totalCount).toBeGreaterThan(20);
    expect(names[4]).not.toContain('身份证');
    const scores = page.edges.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds the retirement items for 退休', async () => {
    const { searchServiceItems: page } = await query<Page>(fx, SEARCH, { q: '退休', first: 5 });
    expect(page.edges.length).toBe(5);
    for (const edge of page.edges.slice(0, 3)) expect(edge.node.name).toContain('退休');
  });

  it('pages through results with cursors, without overlap', async () => {
    const one = (await query<Page>(fx, SEARCH, { q: '证明', first: 3 })).searchServiceItems;
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await query<Page>(fx, SEARCH, { q: '证明', first: 3, after: one.pageInfo.endCursor }))
      .searchServiceItems;
    expect(two.totalCount).toBe(one.totalCount);
    const codes = new Set(one.edges.map((e) => e.node.code));
    for (const e of two.edges) expect(codes.has(e.node.code)).toBe(false);
  });

  it('matches a single character against names', async () => {
    const { searchServiceItems: page } = await query<Page>(fx, SEARCH, { q: '证', first: 5 });
    expect(page.totalCount).toBeGreaterThan(0);
    for (const edge of page.edges) expect(edge.node.name).toContain('证');
  });

  it('treats LIKE wildcards in the query as text', async () => {
    const { searchServiceItems: page } = await query<Page>(fx, SEARCH, { q: '%', first: 5 });
    expect(page.totalCount).toBe(0);
  });

  it.each([
    ['', 'query'],
    ['   ', 'query'],
    ['办'.repeat(51), 'query'],
  ])('refuses the query %j with BAD_USER_INPUT', async (q, field) => {
    const result = await fx.catalog.execute(SEARCH, { q });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data?.searchServiceItems ?? null).toBeNull();
  });

  it('refuses a forged cursor and an oversized page', async () => {
    const bad = await fx.catalog.execute(SEARCH, { q: '身份证', after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await fx.catalog.execute(SEARCH, { q: '身份证', first: 51 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers in English when asked', async () => {
    const result = await fx.catalog.execute(SEARCH, { q: '' }, undefined, 'en');
    expect(result.errors?.[0]?.message).toBe('Enter something to search for.');
  });
});
