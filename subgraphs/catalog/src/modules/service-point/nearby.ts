import type { EntityManager } from '@mikro-orm/core';
import { badInput, pick, type Locale } from '@bianmin/kit';
import { ServicePoint, ServicePointItem } from './service-point.entity.js';
import { boundingBox, distanceMeters } from './geo.js';

export const MAX_RADIUS_M = 50_000;

export interface NearbyArgs {
  latitude: number;
  longitude: number;
  radiusMeters?: number | null;
  serviceItemId?: string | null;
  first?: number | null;
}

/** The 15-minute service circle: points within the radius, nearest first. */
export async function nearbyServicePoints(em: EntityManager, args: NearbyArgs, locale: Locale) {
  const { latitude, longitude } = args;
  const radius = args.radiusMeters ?? 1000;
  const first = args.first ?? 20;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw badInput(
      pick(locale, { zh: '纬度必须在 -90 到 90 之间', en: 'latitude must be between -90 and 90.' }),
      'latitude',
    );
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw badInput(
      pick(locale, { zh: '经度必须在 -180 到 180 之间', en: 'longitude must be between -180 and 180.' }),
      'longitude',
    );
  }
  if (!Number.isInteger(radius) || radius < 1 || radius > MAX_RADIUS_M) {
    throw badInput(
      pick(locale, {
        zh: '搜索半径必须在 1 米到 50 公里之间',
        en: 'radiusMeters must be between 1 and 50,000.',
      }),
      'radiusMeters',
    );
  }
  if (!Number.isInteger(first) || first < 1 || first > 50) {
    throw badInput(
      pick(locale, { zh: '每次最多返回 50 个网点', en: '`first` must be between 1 and 50.' }),
      'first',
    );
  }
  const box = boundingBox(latitude, longitude, radius);
  const where: Record<string, unknown> = {
    latitude: { $gte: box.minLat, $lte: box.maxLat },
    longitude: { $gte: box.minLng, $lte: box.maxLng },
  };
  if (args.serviceItemId) {
    const links = await em.find(ServicePointItem, { itemId: args.serviceItemId }, { fields: ['pointId'] });
    where.id = { $in: links.map((l) => l.pointId) };
  }
  const candidates = await em.find(ServicePoint, where);
  return candidates
    .map((point) => ({ point, d: distanceMeters(latitude, longitude, point.latitude, point.longitude) }))
    .filter(({ d }) => d <= radius)
    .sort((a, b) => a.d - b.d || a.point.code.localeCompare(b.point.code))
    .slice(0, first)
    .map(({ point, d }) => ({ distanceMeters: Math.round(d), servicePoint: point }));
}
