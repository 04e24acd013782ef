import { describe, expect, it } from 'vitest';
import { drivers, query, useCatalog } from './setup.js';

const NEARBY = `query ($lat: Float!, $lng: Float!, $r: Int, $item: ID, $first: Int) {
  nearbyServicePoints(latitude: $lat, longitude: $lng, radiusMeters: $r, serviceItemId: $item, first: $first) {
    distanceMeters servicePoint { id code type name latitude longitude location { district { name } street { name } } }
  }
}`;
type Nearby = {
  nearbyServicePoints: Array<{
    distanceMeters: number;
    servicePoint: { code: string; type: string; name: string };
  }>;
};
const CENTRE = { lat: 30.274, lng: 120.155 };

describe.each(drivers)('nearbyServicePoints on %s', (driver) => {
  const fx = useCatalog(driver);

  it('returns points within the radius, nearest first', async () => {
    const { nearbyServicePoints: list } = await query<Nearby>(fx, NEARBY, { ...CENTRE, r: 3000, first: 50 });
    expect(list.length).toBeGreaterThan(5);
    const distances = list.map((p) => p.distanceMeters);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(Math.max(...distances)).toBeLessThanOrEqual(3000);
  });

  it('keeps only points that handle the given item', async () => {
    const { serviceItemByCode: item } = await query<{ serviceItemByCode: { id: string } }>(
      fx,
      `{ serviceItemByCode(code: "GA-002") { id } }`,
    );
    const { nearbyServicePoints: list } = await query<Nearby>(fx, NEARBY, {
      ...CENTRE,
      r: 10_000,
      item: item.id,
      first: 50,
    });
    expect(list.length).toBeGreaterThan(0);
    const all = await query<Nearby>(fx, NEARBY, { ...CENTRE, r: 10_000, first: 50 });
    expect(list.length).toBeLessThan(all.nearbyServicePoints.length);
    // 居民身份证换领 is not handled by, for example, tax offices.
    for (const p of list) expect(p.servicePoint.type).not.toBe('TAX_OFFICE');
  });

  it('finds nothing in the middle of the sea', async () => {
    const { nearbyServicePoints: list } = await query<Nearby>(fx, NEARBY, { lat: 20, lng: 130, r: 50_000 });
    expect(list).toEqual([]);
  });

  it.each([
    [{ lat: 91, lng: 120 }, 'latitude'],
    [{ lat: 30, lng: -181 }, 'longitude'],
    [{ ...CENTRE, r: 50_001 }, 'radiusMeters'],
    [{ ...CENTRE, r: 0 }, 'radiusMeters'],
    [{ ...CENTRE, first: 0 }, 'first'],
  ])('refuses %j with BAD_USER_INPUT on %s', async (vars, field) => {
    const result = await fx.catalog.execute(NEARBY, vars);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
