import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type OrganizationKind = 'DEPARTMENT' | 'SERVICE_PROVIDER' | 'PARTNER';

/**
 * 组织 — a department, service provider or partner, placed in the city → district → street →
 * community hierarchy by the code of the region it serves.
 */
export const Organization = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    code: p.string().length(16).primary(),
    name: p.string().length(100),
    nameEn: p.string().length(200),
    kind: p.string().length(20).$type<OrganizationKind>().index(),
    /** The region it serves: city (6 digits), district, street (11) or community (14). */
    regionCode: p.string().length(20).index(),
  },
});
export type Organization = InferEntity<typeof Organization>;
