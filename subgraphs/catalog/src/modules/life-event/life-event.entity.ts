import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 人生事件 — a moment in life that needs several services. */
export const LifeEvent = defineEntity({
  name: 'LifeEvent',
  tableName: 'life_event',
  properties: {
    code: p.string().length(32).primary(),
    name: p.string().length(50),
    nameEn: p.string().length(100),
    audience: p.string().length(16),
    description: p.text(),
    displayOrder: p.integer(),
  },
});
export type LifeEvent = InferEntity<typeof LifeEvent>;
