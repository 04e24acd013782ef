import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CalendarDayKind } from './working-calendar.js';

/**
 * 工作日历例外日 — a day that breaks "Monday–Friday work, weekends rest": a HOLIDAY, or a WORKDAY
 * (an adjusted working weekend day, 调休上班). Seeded from the State Council's notice
 * (`updatedBy` null) and editable by administrators; `version` is the optimistic lock for edits.
 */
export const CalendarDay = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  properties: {
    /** `YYYY-MM-DD`, a civil date in China. */
    date: p.string().length(10).primary(),
    kind: p.string().length(8).$type<CalendarDayKind>(),
    nameZh: p.string().length(20),
    nameEn: p.string().length(40),
    /** Where the day comes from (the notice's number), or "provisional …" for an estimate. */
    note: p.string().length(200).nullable(),
    /** The administrator's account id; null while the row is still the seed's. */
    updatedBy: p.string().length(64).nullable(),
    updatedAt: p.datetime(),
    version: p.integer(),
  },
});
export type CalendarDay = InferEntity<typeof CalendarDay>;

/**
 * The seed dates that have been written once. The seed inserts a day only if it never did
 * before, so a seed day an administrator removed does not come back at the next start.
 */
export const CalendarSeedDate = defineEntity({
  name: 'CalendarSeedDate',
  tableName: 'calendar_seed_date',
  properties: {
    date: p.string().length(10).primary(),
    seededAt: p.datetime(),
  },
});
export type CalendarSeedDate = InferEntity<typeof CalendarSeedDate>;
