import { describe, expect, it } from 'vitest';
import { drivers, query, useCatalog } from './setup.js';

describe.each(drivers)('entity references on %s', (driver) => {
  const fx = useCatalog(driver);

  it('resolves N ServiceItem references with one SQL query', async () => {
    const { serviceItems } = await query<{ serviceItems: { edges: Array<{ node: { id: string } }> } }>(
      fx,
      `{ serviceItems(first: 30) { edges { node { id } } } }`,
    );
    const representations = serviceItems.edges.map((e) => ({ __typename: 'ServiceItem', id: e.node.id }));
    expect(representations.length).toBe(30);
    fx.counter.reset();
    const result = await query<{ _entities: Array<{ name: string }> }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceItem { id name } } }`,
      { r: representations },
    );
    expect(result._entities.length).toBe(30);
    expect(result._entities.every((e) => e.name.length > 0)).toBe(true);
    const selects = fx.counter.selects();
    expect(selects.length).toBe(1);
    expect(selects[0]).toMatch(/service_item/);
  });

  it('resolves nested lists under many items without N+1', async () => {
    fx.counter.reset();
    await query(
      fx,
      `{ serviceItems(first: 30) { edges { node { department { name } lifeEvents { name } servicePointCount } } } }`,
    );
    // page + count, then one query each for departments, life-event links, life events and point counts.
    expect(fx.counter.selects().length).toBeLessThanOrEqual(6);
  });

  it('resolves Department and ServicePoint references through loaders', async () => {
    fx.counter.reset();
    const result = await query<{ _entities: Array<{ name: string } | null> }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Department { name } ... on LifeEvent { name } } }`,
      {
        r: [
          { __typename: 'Department', code: 'GA' },
          { __typename: 'Department', code: 'MZ' },
          { __typename: 'LifeEvent', code: 'BIRTH' },
        ],
      },
    );
    expect(result._entities.map((e) => e?.name)).toEqual(['云湖市公安局', '云湖市民政局', '出生']);
    expect(fx.counter.selects().length).toBe(2);
  });
});
