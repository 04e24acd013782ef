import type { TFunction } from 'i18next';

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** 云湖市 city centre: where the search starts before the resident picks a place. */
export const CITY_CENTRE: LatLng = { latitude: 30.274, longitude: 120.155 };

export const RADIUS_OPTIONS = [500, 1000, 3000, 5000] as const;
export const DEFAULT_RADIUS = 3000;

/** `850 米` / `1.2 公里` — metres rounded to 10 below a kilometre, one decimal above. */
export function formatDistance(meters: number, t: TFunction): string {
  if (meters < 1000) {
    const value = meters < 10 ? Math.round(meters) : Math.round(meters / 10) * 10;
    return value >= 1000 ? t('distance.kilometers', { value: '1' }) : t('distance.meters', { value });
  }
  const km = meters / 1000;
  const value = (km >= 10 ? km.toFixed(0) : km.toFixed(1)).replace(/\.0$/, '');
  return t('distance.kilometers', { value });
}

const METERS_PER_DEGREE_LAT = 110_574;
const METERS_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

/**
 * East/north offset in metres of `point` from `origin`. An equirectangular approximation: at the
 * scale of a city (≤ 50 km) the error is far below what a schematic map shows.
 */
export function offsetMeters(origin: LatLng, point: LatLng): { east: number; north: number } {
  const cosLat = Math.cos((origin.latitude * Math.PI) / 180);
  return {
    east: (point.longitude - origin.longitude) * METERS_PER_DEGREE_LNG_AT_EQUATOR * cosLat,
    north: (point.latitude - origin.latitude) * METERS_PER_DEGREE_LAT,
  };
}

/** Distance rings for the map: round numbers that fit inside the search radius. */
export function ringDistances(radius: number): number[] {
  const step = radius <= 1000 ? radius / 2 : radius <= 3000 ? 1000 : radius / 2;
  const rings: number[] = [];
  for (let d = step; d <= radius + 1e-6; d += step) rings.push(d);
  return rings;
}
