import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 部门 — a department responsible for service items. */
export const Department = defineEntity({
  name: 'Department',
  tableName: 'department',
  properties: {
    code: p.string().length(16).primary(),
    name: p.string().length(100),
    nameEn: p.string().length(200),
    description: p.text(),
    phone: p.string().length(32),
  },
});
export type Department = InferEntity<typeof Department>;
