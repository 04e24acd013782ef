import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY, CATEGORIES, CHANNELS, ITEM_KINDS, LICENCE_TYPES, POINT_TYPES } from './data/types.js';
import { loadDemoData } from './load-data.js';
import { distanceMeters } from '../../modules/service-point/geo.js';

const data = loadDemoData();

describe('the hand-written demo data', () => {
  it('is large enough to be a real catalog', () => {
    expect(data.items.length).toBeGreaterThanOrEqual(150);
    expect(data.lifeEvents.length).toBeGreaterThanOrEqual(20);
    expect(data.points.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique codes', () => {
    const codes = data.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const points = data.points.map((p) => p.code);
    expect(new Set(points).size).toBe(points.length);
  });

  it('refers only to known departments, life events, enums and licence types', () => {
    const departments = new Set(data.departments.map((d) => d.code));
    const events = new Set(data.lifeEvents.map((e) => e.code));
    for (const item of data.items) {
      const where = `${item.code} ${item.name}`;
      expect(departments.has(item.departmentCode), where).toBe(true);
      expect(item.code.startsWith(`${item.departmentCode}-`), where).toBe(true);
      for (const e of item.lifeEvents) expect(events.has(e), `${where}: ${e}`).toBe(true);
      expect(CATEGORIES, where).toContain(item.category);
      expect(ITEM_KINDS, where).toContain(item.kind);
      for (const c of item.channels) expect(CHANNELS, where).toContain(c);
      for (const t of item.handledAt) expect(POINT_TYPES, where).toContain(t);
      for (const m of item.materials)
        if (m.fromLicenceType) expect(Object.keys(LICENCE_TYPES), where).toContain(m.fromLicenceType);
      expect(item.promisedDays, where).toBeLessThanOrEqual(item.legalDays);
      expect(item.summary.length, where).toBeGreaterThan(20);
      expect(item.materials.length, where).toBeGreaterThan(0);
    }
  });

  it('places every service point in its own street and community', () => {
    const streets = new Map<
      string,
      { latitude: number; longitude: number; district: string; communities: Set<string> }
    >();
    for (const d of data.city.districts) {
      for (const s of d.streets)
        streets.set(s.code, {
          ...s,
          district: d.code,
          communities: new Set(s.communities.map((c) => c.code)),
        });
    }
    for (const p of data.points) {
      const street = streets.get(p.streetCode);
      expect(street, p.code).toBeDefined();
      expect(street!.district, p.code).toBe(p.districtCode);
      if (p.communityCode) expect(street!.communities.has(p.communityCode), p.code).toBe(true);
      expect(
        distanceMeters(p.latitude, p.longitude, street!.latitude, street!.longitude),
        p.code,
      ).toBeLessThan(5000);
      for (const a of p.accessibility) expect(ACCESSIBILITY, p.code).toContain(a);
      expect(POINT_TYPES, p.code).toContain(p.type);
    }
  });
});
