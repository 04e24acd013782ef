import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CommonMetadata, LicenceFieldSpec, ValidityRule } from './licence-type.model.js';

/** 证照类型 — one kind of electronic licence: who issues it, what it carries, how long it is valid. */
export const LicenceType = defineEntity({
  name: 'LicenceType',
  tableName: 'licence_type',
  properties: {
    code: p.string().length(48).primary(),
    nameZh: p.string().length(64),
    nameEn: p.string().length(128),
    authorityCode: p.string().length(16),
    authorityNameZh: p.string().length(64),
    authorityNameEn: p.string().length(128),
    /** GB/T 36903 common metadata elements it carries. */
    metadata: p.json<CommonMetadata[]>(),
    fields: p.json<LicenceFieldSpec[]>(),
    validity: p.json<ValidityRule>(),
    issuedOnApprovalOf: p.json<string[]>(),
    approvalDateField: p.string().length(48).nullable(),
    sortOrder: p.integer(),
    updatedAt: p.datetime(),
  },
});
export type LicenceType = InferEntity<typeof LicenceType>;
