import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 好差评 — the applicant's one rating of a finished application (unique per application). */
export const Rating = defineEntity({
  name: 'Rating',
  tableName: 'rating',
  indexes: [{ name: 'rating_department_index', properties: ['departmentCode', 'ratedAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    applicationId: p.string().length(36).unique(),
    personId: p.string().length(36),
    departmentCode: p.string().length(16),
    itemCode: p.string().length(16),
    /** 1 非常不满意 … 5 非常满意. */
    score: p.integer(),
    satisfaction: p.integer(),
    efficiency: p.integer(),
    guideAccuracy: p.integer(),
    convenience: p.integer(),
    comment: p.text().nullable(),
    ratedAt: p.datetime(),
  },
});
export type Rating = InferEntity<typeof Rating>;

/** 整改 — a 1–2 star rating's task for the department; closed by a response the applicant sees. */
export const RectificationTask = defineEntity({
  name: 'RectificationTask',
  tableName: 'rectification_task',
  indexes: [{ name: 'rectification_department_index', properties: ['departmentCode', 'status', 'openedAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    ratingId: p.string().length(36).unique(),
    applicationId: p.string().length(36),
    departmentCode: p.string().length(16),
    status: p.string().length(8).$type<'OPEN' | 'CLOSED'>(),
    openedAt: p.datetime(),
    response: p.text().nullable(),
    respondedBy: p.string().length(36).nullable(),
    closedAt: p.datetime().nullable(),
  },
});
export type RectificationTask = InferEntity<typeof RectificationTask>;
