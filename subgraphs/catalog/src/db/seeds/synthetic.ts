import type { Orm } from '@bianmin/kit';
import { Department } from '../../modules/department/department.entity.js';
import { bulkLoad } from './index.js';
import type { CitySeed, ServiceItemSeed, ServicePointSeed } from './data/types.js';
import { loadDemoData } from './load-data.js';

export { loadDemoData, type DemoData } from './load-data.js';
export type {
  CitySeed,
  CommunitySeed,
  DepartmentSeed,
  DistrictSeed,
  ServiceItemSeed,
  ServicePointSeed,
  StreetSeed,
} from './data/types.js';

/** A small deterministic PRNG (mulberry32): the same seed always gives the same city. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VARIANTS = [
  '（个人）',
  '（法人）',
  '（港澳台居民）',
  '（外籍人员）',
  '（跨省通办）',
  '（容缺受理）',
  '（预约办理）',
  '（帮办代办）',
];

export interface SyntheticCatalogOptions {
  items: number;
  points: number;
  seed?: number;
  /**
   * The geography to name items after and scatter points over: the demo city by default, or a
   * larger one that extends it (`@bianmin/sim`'s city, loaded with `loadRegions`).
   */
  city?: CitySeed;
}

/**
 * Scale data for tests and benchmarks: `items` service items and `points` service points made
 * from the hand-written ones (renamed variants, points scattered over the communities of the
 * city), loaded through the same bulk path as the demo data. Loads the demo data first if the
 * database is empty.
 */
export function generateCatalog(options: SyntheticCatalogOptions) {
  const demo = loadDemoData();
  const city = options.city ?? demo.city;
  const rnd = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const items: ServiceItemSeed[] = [];
  for (let i = 0; i < options.items; i++) {
    const base = pick(demo.items);
    const district = pick(city.districts);
    items.push({
      ...base,
      code: `${base.departmentCode}-${String(10_000 + i).padStart(5, '0')}`,
      name: `${district.name}${base.name}${pick(VARIANTS)}`,
      promisedDays: Math.min(base.legalDays, Math.max(0, base.promisedDays - Math.floor(rnd() * 3))),
    });
  }
  const streets = city.districts.flatMap((d) => d.streets.map((s) => ({ district: d, street: s })));
  const points: ServicePointSeed[] = [];
  for (let i = 0; i < options.points; i++) {
    const base = pick(demo.points);
    const { district, street } = pick(streets);
    const community = pick(street.communities);
    points.push({
      ...base,
      code: `SPX-${String(i + 1).padStart(6, '0')}`,
      name: `${community.name}${base.name.replace(/^.*?(社区|街道|区)/, '')}（${i + 1}）`,
      // Where it is, not where the hand-written point it copies is.
      address: `${district.name}${street.name}${community.name}${(i % 300) + 1}号`,
      districtCode: district.code,
      streetCode: street.code,
      communityCode: community.code,
      // A generated general-purpose point gets one department's desk: otherwise every item would
      // be handled at thousands of points, which no city has and which swamps the link table.
      departmentCodes: base.departmentCodes.length ? base.departmentCodes : [pick(demo.departments).code],
      latitude: community.latitude + (rnd() - 0.5) * 0.01,
      longitude: community.longitude + (rnd() - 0.5) * 0.01,
    });
  }
  return { demo, items, points };
}

export async function seedSyntheticCatalog(orm: Orm, options: SyntheticCatalogOptions) {
  const em = orm.em.fork();
  const { demo, items, points } = generateCatalog(options);
  const empty = (await em.count(Department, {})) === 0;
  await bulkLoad(
    em,
    {
      ...(empty ? demo : {}),
      items: empty ? [...demo.items, ...items] : items,
      points: empty ? [...demo.points, ...points] : points,
    },
    demo.city.code,
  );
  return { items: items.length, points: points.length };
}
