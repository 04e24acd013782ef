import { loadDemoData, type CitySeed, type DistrictSeed, type StreetSeed } from '@bianmin/catalog/synthetic';
import { Rng } from './random.js';

/** The city's four levels: the demo city of 云湖市, grown to these sizes. */
export const DISTRICTS = 10;
export const STREETS_PER_DISTRICT = 10;
export const COMMUNITIES_PER_STREET = 10;

/** Where 云湖市 lies (WGS-84): the hand-written geography's extent with a margin. */
export const CITY_BOX = { south: 30.16, north: 30.4, west: 120.02, east: 120.3 };

const NEW_DISTRICTS = ['枫桥区', '锦溪区', '星河区', '玉泉区'];
const STREET_WORDS = [
  ...['天水', '长安', '兴隆', '宝石', '金沙', '紫金', '清波', '古荡', '翠苑', '蒋村', '转塘', '留下'],
  ...['三墩', '祥符', '康桥', '丁桥', '笕桥', '彭埠', '四季青', '石桥', '瓶窑', '良渚', '仁和', '崇贤'],
  ...['乔司', '东湖', '南苑', '五常', '仓前', '闲林', '中泰', '径山', '黄湖', '百丈', '鸬鸟', '瑶琳'],
  ...['富春', '新登', '场口', '万市', '洞桥', '湖源', '常安', '环山', '灵桥', '里山', '渌渚', '胥口'],
  ...['银湖', '东洲', '永昌', '大源', '上官', '新桐', '东坞', '西岙', '南湖', '北苑', '中河', '凤起'],
  ...['朝晖', '潮鸣', '米市', '武林', '天目', '文新', '西兴', '宁围', '新街', '瓜沥', '党湾', '义蓬'],
];
const COMMUNITY_FIRST = [
  ...['翠柏', '金桂', '银杏', '青松', '玉兰', '海棠', '芙蓉', '丁香', '紫薇', '石榴', '杜鹃', '合欢'],
  ...['安康', '和顺', '嘉禾', '永丰', '长乐', '泰和', '福寿', '吉庆', '瑞景', '怡景', '锦绣', '华庭'],
  ...['清河', '碧水', '芳草', '云霞', '明珠', '星光', '朝阳', '晨曦', '彩虹', '春晓', '秋实', '冬青'],
  ...['望岳', '临湖', '枕溪', '听泉', '观澜', '揽月', '栖霞', '拱宸', '德政', '信义', '仁爱', '崇文'],
  ...['新安', '东方'],
];
const COMMUNITY_SECOND = [
  ...['', '新村', '花园', '家园', '苑', '里', '坊', '府', '湾', '庭', '园', '城'],
  ...['北', '南', '东', '西', '一', '二', '三', '佳苑'],
];

/** A community with where it lies in the four levels. */
export interface CommunityPlace {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  district: { code: string; name: string };
  street: { code: string; name: string };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** The names of `pool` not used anywhere in the demo city yet, in a seeded order. */
function freshNames(pool: readonly string[], used: Set<string>, rng: Rng): string[] {
  const names = pool.filter((n) => ![...used].some((u) => u.includes(n) || (n.length > 0 && n.includes(u))));
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return names;
}

/** A point `spread` degrees around `center`, inside the city. */
function near(center: { latitude: number; longitude: number }, spread: number, rng: Rng) {
  return {
    latitude: round6(clamp(center.latitude + rng.uniform(-spread, spread), CITY_BOX.south, CITY_BOX.north)),
    longitude: round6(clamp(center.longitude + rng.uniform(-spread, spread), CITY_BOX.west, CITY_BOX.east)),
  };
}

/** Among a few candidate places, the one farthest from every existing district. */
function openGround(districts: readonly DistrictSeed[], rng: Rng) {
  let best = { latitude: 0, longitude: 0 };
  let bestDistance = -1;
  for (let i = 0; i < 24; i++) {
    const candidate = {
      latitude: rng.uniform(CITY_BOX.south + 0.02, CITY_BOX.north - 0.02),
      longitude: rng.uniform(CITY_BOX.west + 0.02, CITY_BOX.east - 0.02),
    };
    const distance = Math.min(
      ...districts.map((d) => Math.hypot(d.latitude - candidate.latitude, d.longitude - candidate.longitude)),
    );
    if (distance > bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return { latitude: round6(best.latitude), longitude: round6(best.longitude) };
}

const nextCode = (codes: string[], prefix: string) =>
  `${prefix}${String(Math.max(0, ...codes.map((c) => Number(c.slice(-3)))) + 1).padStart(3, '0')}`;

/**
 * The demo city's geography (8 districts, 32 streets, 144 communities, hand-written) grown to
 * DISTRICTS × STREETS_PER_DISTRICT × COMMUNITIES_PER_STREET: what is there keeps its codes, names
 * and coordinates; new districts go where there is open ground, new streets near their district's
 * centre, new communities near their street's. Codes follow the demo data: district 6 digits
 * (3399dd), street = district + "01" + 3 digits, community = street + 3 digits.
 */
export function generateGeography(seed: number): CitySeed {
  const rng = Rng.of(seed, 'geography');
  const demo = loadDemoData().city;
  const used = new Set(
    demo.districts.flatMap((d) => [
      d.name,
      ...d.streets.flatMap((s) => [s.name, ...s.communities.map((c) => c.name)]),
    ]),
  );
  const streetNames = freshNames(STREET_WORDS, used, rng);
  const communityNames = freshNames(
    COMMUNITY_FIRST.flatMap((first) => COMMUNITY_SECOND.map((second) => first + second)),
    used,
    rng,
  );
  const districts: DistrictSeed[] = structuredClone(demo.districts);
  for (const name of NEW_DISTRICTS.slice(0, Math.max(0, DISTRICTS - districts.length))) {
    const code = `3399${String(districts.length + 1).padStart(2, '0')}`;
    districts.push({ code, name, ...openGround(districts, rng), streets: [] });
  }
  for (const district of districts) {
    while (district.streets.length < STREETS_PER_DISTRICT) {
      const name = streetNames.shift();
      if (!name) throw new Error('out of street names');
      const code = nextCode(
        district.streets.map((s) => s.code),
        `${district.code}01`,
      );
      district.streets.push({ code, name: `${name}街道`, ...near(district, 0.035, rng), communities: [] });
    }
    for (const street of district.streets as StreetSeed[]) {
      while (street.communities.length < COMMUNITIES_PER_STREET) {
        const name = communityNames.shift();
        if (!name) throw new Error('out of community names');
        const code = nextCode(
          street.communities.map((c) => c.code),
          street.code,
        );
        street.communities.push({ code, name: `${name}社区`, ...near(street, 0.008, rng) });
      }
    }
  }
  return { ...demo, districts };
}

/** Every community of `city`, with its district and street. */
export function communitiesOf(city: CitySeed): CommunityPlace[] {
  return city.districts.flatMap((district) =>
    district.streets.flatMap((street) =>
      street.communities.map((c) => ({
        ...c,
        district: { code: district.code, name: district.name },
        street: { code: street.code, name: street.name },
      })),
    ),
  );
}
