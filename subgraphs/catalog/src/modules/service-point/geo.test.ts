import { describe, expect, it } from 'vitest';
import { boundingBox, distanceMeters } from './geo.js';

describe('distanceMeters', () => {
  it('is zero for the same place and symmetric', () => {
    expect(distanceMeters(30.27, 120.15, 30.27, 120.15)).toBe(0);
    const a = distanceMeters(30.27, 120.15, 30.28, 120.16);
    expect(distanceMeters(30.28, 120.16, 30.27, 120.15)).toBeCloseTo(a, 6);
  });

  it('matches a known distance (one degree of latitude ≈ 111.2 km)', () => {
    expect(distanceMeters(30, 120, 31, 120)).toBeGreaterThan(111_000);
    expect(distanceMeters(30, 120, 31, 120)).toBeLessThan(111_400);
  });
});

describe('boundingBox', () => {
  it('contains every point of the circle', () => {
    const box = boundingBox(30.27, 120.15, 5000);
    for (let deg = 0; deg < 360; deg += 15) {
      const lat = 30.27 + (4999 / 111_195) * Math.cos((deg * Math.PI) / 180);
      const lng =
        120.15 + ((4999 / 111_195) * Math.sin((deg * Math.PI) / 180)) / Math.cos((30.27 * Math.PI) / 180);
      expect(lat).toBeGreaterThanOrEqual(box.minLat);
      expect(lat).toBeLessThanOrEqual(box.maxLat);
      expect(lng).toBeGreaterThanOrEqual(box.minLng);
      expect(lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});
