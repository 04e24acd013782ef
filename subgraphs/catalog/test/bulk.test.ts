import { describe, expect, it } from 'vitest';
import { loadRegions, loadServiceItems, loadServicePoints, stableId } from '../src/db/bulk.js';
import { generateCatalog, loadDemoData } from '../src/db/seeds/synthetic.js';
import { drivers, query, useCatalog } from './setup.js';

const ITEM = `query ($code: String!) { serviceItemByCode(code: $code) { id name } }`;
const NEARBY = `query ($lat: Float!, $lng: Float!, $item: ID!) {
  nearbyServicePoints(latitude: $lat, longitude: $lng, radiusMeters: 50000, serviceItemId: $item, first: 50) {
    servicePoint { code }
  }
}`;
const SEARCH = `query ($q: String!) { searchServiceItems(query: $q, first: 50) { totalCount edges { node { code } } } }`;

describe.each(drivers)('the bulk path on %s', (driver) => {
  const fx = useCatalog(driver);
  const demo = loadDemoData();
  // One more district, with a street and a community, where the generated points go.
  const city = structuredClone(demo.city);
  city.districts.push({
    code: '339909',
    name: '枫桥区',
    latitude: 30.38,
    longitude: 120.2,
    streets: [
      {
        code: '33990901001',
        name: '天水街道',
        latitude: 30.381,
        longitude: 120.201,
        communities: [{ code: '33990901001001', name: '翠柏社区', latitude: 30.382, longitude: 120.202 }],
      },
    ],
  });
  const generated = generateCatalog({ items: 30, points: 60, seed: 5, city });

  it('adds only the regions that are missing', async () => {
    expect(await loadRegions(fx.catalog.orm, city)).toBe(3);
    expect(await loadRegions(fx.catalog.orm, city)).toBe(0);
    const { districts } = await query<{ districts: { code: string }[] }>(fx, '{ districts { code } }');
    expect(districts.map((d) => d.code)).toContain('339909');
  });

  it('links new items to the points already there, and new points to every item', async () => {
    const at = new Date('2026-11-01T00:00:00+08:00');
    const items = await loadServiceItems(fx.catalog.orm, generated.items, at);
    const points = await loadServicePoints(fx.catalog.orm, generated.points, city.code);
    expect(items).toMatchObject({ items: 30 });
    expect(points.points).toBe(60);
    expect(items.links).toBeGreaterThan(0);
    expect(points.links).toBeGreaterThan(0);

    // A new item is handled at the hand-written points that were there before it.
    const item = generated.items.find((i) => i.handledAt.length > 0)!;
    const loaded = await query<{ serviceItemByCode: { id: string; name: string } }>(fx, ITEM, {
      code: item.code,
    });
    const near = await query<{ nearbyServicePoints: { servicePoint: { code: string } }[] }>(fx, NEARBY, {
      lat: 30.274,
      lng: 120.155,
      item: loaded.serviceItemByCode.id,
    });
    const codes = near.nearbyServicePoints.map((p) => p.servicePoint.code);
    expect(codes.some((c) => c.startsWith('SP-'))).toBe(true);

    // Hand-written items are handled at generated points (linked when the points were added).
    const linked = await fx.catalog.orm.em.fork().count('ServicePointItem', {
      pointId: { $in: generated.points.map((p) => stableId('point', p.code)) },
      itemId: { $in: demo.items.map((i) => stableId('item', i.code)) },
    });
    expect(linked).toBeGreaterThan(0);
  });

  it('indexes new items for search', async () => {
    const item = generated.items[0]!;
    const { searchServiceItems } = await query<{
      searchServiceItems: { edges: { node: { code: string } }[] };
    }>(fx, SEARCH, { q: item.name });
    expect(searchServiceItems.edges[0]?.node.code).toBe(item.code);
  });
});
