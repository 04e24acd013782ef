/**
 * Region codes of the demo geography (subgraphs/catalog/src/db/seeds/data/geography.json):
 *
 *   city       339900          6 digits, ends in 00   (province codes end in 0000)
 *   district   339902          6 digits
 *   street     33990201001     11 digits = district + 5
 *   community  33990201001001  14 digits = street + 3
 *
 * A region contains a code when the code is at the same or a finer level and starts with the
 * region's *significant* prefix: 3399 for the city, the whole code otherwise. Comparing raw
 * strings is wrong both ways: 339900 is not a prefix of its own districts (339902…), and
 * stripping every trailing zero would turn district 339910 into 33991 and match district 339911.
 */

export type RegionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';

const RANK: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, DISTRICT: 2, STREET: 3, COMMUNITY: 4 };

export interface RegionCode {
  code: string;
  level: RegionLevel;
  /** The digits every code inside this region starts with. */
  prefix: string;
}

/** The level and significant prefix of a region code, or null when it is not one. */
export function parseRegionCode(code: unknown): RegionCode | null {
  if (typeof code !== 'string') return null;
  if (/^[1-9]\d{5}$/.test(code)) {
    if (code.endsWith('0000')) return { code, level: 'PROVINCE', prefix: code.slice(0, 2) };
    if (code.endsWith('00')) return { code, level: 'CITY', prefix: code.slice(0, 4) };
    return { code, level: 'DISTRICT', prefix: code };
  }
  if (/^[1-9]\d{10}$/.test(code)) return { code, level: 'STREET', prefix: code };
  if (/^[1-9]\d{13}$/.test(code)) return { code, level: 'COMMUNITY', prefix: code };
  return null;
}

/**
 * Whether `code` lies in `region`. A code coarser than the region (a district, asked about one of
 * its streets) cannot be decided: UNDETERMINED, unless the two do not even overlap.
 */
export function regionRelation(region: RegionCode, code: RegionCode): 'INSIDE' | 'OUTSIDE' | 'UNDETERMINED' {
  if (RANK[code.level] >= RANK[region.level]) {
    return code.prefix.startsWith(region.prefix) ? 'INSIDE' : 'OUTSIDE';
  }
  return region.prefix.startsWith(code.prefix) ? 'UNDETERMINED' : 'OUTSIDE';
}
