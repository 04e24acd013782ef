import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 查询记录 — one reveal of a person's unmasked data: who, whose, which field, why, when, and the
 * request id. Written before the value is returned; no record, no value.
 */
export const PersonalDataAccess = defineEntity({
  name: 'PersonalDataAccess',
  tableName: 'personal_data_access',
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    accessorAccountId: p.string().length(36).index(),
    field: p.string().length(16),
    purpose: p.string().length(200),
    requestId: p.string().length(64),
    createdAt: p.datetime(),
  },
});
export type PersonalDataAccess = InferEntity<typeof PersonalDataAccess>;
