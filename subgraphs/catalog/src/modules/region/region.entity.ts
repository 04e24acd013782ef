import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type RegionLevel = 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';

/** One node of the four-level geography: 市 → 区 → 街道 → 社区. */
export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().length(20).primary(),
    name: p.string().length(50),
    level: p.string().length(10).$type<RegionLevel>(),
    parentCode: p.string().length(20).nullable().index(),
    latitude: p.float().columnType('double precision'),
    longitude: p.float().columnType('double precision'),
  },
});
export type Region = InferEntity<typeof Region>;
