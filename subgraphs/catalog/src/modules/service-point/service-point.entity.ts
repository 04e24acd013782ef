import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface OpeningHoursData {
  days: number[];
  opens: string;
  closes: string;
}

/** 服务网点 — a place where items are handled in person. Indexed by latitude for the service circle. */
export const ServicePoint = defineEntity({
  name: 'ServicePoint',
  tableName: 'service_point',
  properties: {
    id: p.string().length(36).primary(),
    code: p.string().length(32).unique(),
    name: p.string().length(200),
    type: p.string().length(32).index(),
    address: p.string().length(300),
    cityCode: p.string().length(20),
    districtCode: p.string().length(20).index(),
    streetCode: p.string().length(20),
    communityCode: p.string().length(20).nullable(),
    latitude: p.float().columnType('double precision').index(),
    longitude: p.float().columnType('double precision'),
    phone: p.string().length(32),
    openingHours: p.json<OpeningHoursData[]>(),
    openingNote: p.text(),
    accessibility: p.json<string[]>(),
    departmentCodes: p.json<string[]>(),
  },
});
export type ServicePoint = InferEntity<typeof ServicePoint>;

/** Which items a point handles (many-to-many, owned by the catalog). */
export const ServicePointItem = defineEntity({
  name: 'ServicePointItem',
  tableName: 'service_point_item',
  properties: {
    pointId: p.string().length(36).primary(),
    itemId: p.string().length(36).primary().index(),
  },
});
export type ServicePointItem = InferEntity<typeof ServicePointItem>;
