import { describe, expect, it } from 'vitest';
import { drivers, query, useCatalog } from './setup.js';

const BROWSE = `query ($filter: ServiceItemFilter, $first: Int, $after: String) {
  serviceItems(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { code name channels visits department { code } lifeEvents { code } } }
  }
}`;
type Browse = {
  serviceItems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: Array<{
      node: {
        code: string;
        name: string;
        channels: string[];
        visits: number;
        department: { code: string };
        lifeEvents: Array<{ code: string }>;
      };
    }>;
  };
};

describe.each(drivers)('serviceItems on %s', (driver) => {
  const fx = useCatalog(driver);

  it('has the hand-written catalog: 150+ items, 20+ life events, 200+ points', async () => {
    const data = await query<{
      serviceItems: { totalCount: number };
      lifeEvents: unknown[];
      departments: unknown[];
    }>(fx, `{ serviceItems { totalCount } lifeEvents { code } departments { code serviceItemCount } }`);
    expect(data.serviceItems.totalCount).toBeGreaterThanOrEqual(150);
    expect(data.lifeEvents.length).toBeGreaterThanOrEqual(20);
    const near = await query<{ nearbyServicePoints: unknown[] }>(
      fx,
      `{ nearbyServicePoints(latitude: 30.274, longitude: 120.155, radiusMeters: 50000, first: 50) { distanceMeters } }`,
    );
    expect(near.nearbyServicePoints.length).toBe(50);
  });

  it('filters by life event, department and channel together', async () => {
    const { serviceItems } = await query<Browse>(fx, BROWSE, {
      filter: { lifeEvent: 'RETIREMENT', channel: 'ONLINE' },
      first: 50,
    });
    expect(serviceItems.totalCount).toBeGreaterThan(0);
    for (const { node } of serviceItems.edges) {
      expect(node.lifeEvents.map((e) => e.code)).toContain('RETIREMENT');
      expect(node.channels).toContain('ONLINE');
    }
    const ga = await query<Browse>(fx, BROWSE, { filter: { department: 'GA', maxVisits: 0 }, first: 50 });
    for (const { node } of ga.serviceItems.edges) {
      expect(node.department.code).toBe('GA');
      expect(node.visits).toBe(0);
    }
  });

  it('walks every page exactly once', async () => {
    const seen = new Set<string>();
    let after: string | undefined;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { serviceItems } = await query<Browse>(fx, BROWSE, {
        filter: { department: 'RS' },
        first: 7,
        after,
      });
      total = serviceItems.totalCount;
      for (const { node } of serviceItems.edges) {
        expect(seen.has(node.code)).toBe(false);
        seen.add(node.code);
      }
      if (!serviceItems.pageInfo.hasNextPage) break;
      after = serviceItems.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });

  it('reads a full guide by code', async () => {
    const { serviceItemByCode: item } = await query<{
      serviceItemByCode: {
        name: string;
        legalDays: number;
        promisedDays: number;
        fee: { free: boolean; amountYuan: number };
        materials: Array<{ name: string; fromLicence: { code: string; name: string } | null }>;
        servicePoints: Array<{ name: string }>;
        servicePointCount: number;
        version: number;
        faq: unknown[];
      };
    }>(
      fx,
      `{ serviceItemByCode(code: "ga-002") { name legalDays promisedDays fee { free amountYuan } materials { name fromLicence { code name } }
        servicePoints(first: 5) { name } servicePointCount version faq { question answer } } }`,
    );
    expect(item.name).toBe('居民身份证换领');
    expect(item.promisedDays).toBeLessThanOrEqual(item.legalDays);
    expect(item.fee.free).toBe(false);
    expect(item.servicePoints.length).toBe(5);
    expect(item.servicePointCount).toBeGreaterThan(5);
    expect(item.version).toBe(1);
    expect(item.faq.length).toBeGreaterThan(0);
  });

  it('returns null for an unknown item, and an error for an absurd id', async () => {
    const none = await query<{ serviceItem: null }>(fx, `{ serviceItem(id: "no-such-id") { id } }`);
    expect(none.serviceItem).toBeNull();
    const absurd = await fx.catalog.execute(`query ($id: ID!) { serviceItem(id: $id) { id } }`, {
      id: 'x'.repeat(65),
    });
    expect(absurd.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists districts with their streets and communities', async () => {
    const { districts } = await query<{
      districts: Array<{ name: string; children: Array<{ children: unknown[] }> }>;
    }>(fx, `{ districts { name children { name children { name } } } }`);
    expect(districts.length).toBeGreaterThanOrEqual(6);
    expect(districts[0]!.children.length).toBeGreaterThan(0);
    expect(districts[0]!.children[0]!.children.length).toBeGreaterThan(0);
  });
});
