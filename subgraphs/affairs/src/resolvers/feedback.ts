import { pick } from '@bianmin/kit';
import type { AffairsContext } from '../context.js';
import type { Application } from '../modules/application/application.entity.js';
import type { Notification } from '../modules/notification/notification.entity.js';
import { type Rating, RectificationTask } from '../modules/rating/rating.entity.js';
import { SCORE_LABELS } from '../modules/rating/rating.service.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const ratingFields = {
  scoreLabel: (r: Rating, _: unknown, ctx: AffairsContext) => pick(ctx.locale, SCORE_LABELS[r.score]!),
  ratedAt: (r: Rating) => iso(r.ratedAt),
  rectification: (r: Rating, _: unknown, ctx: AffairsContext) =>
    ctx.em.findOne(RectificationTask, { ratingId: r.id }),
};

export const rectificationFields = {
  applicationReference: async (t: RectificationTask, _: unknown, ctx: AffairsContext) =>
    ((await ctx.loaders.application.load(t.applicationId)) as Application | null)?.reference ?? '',
  itemName: async (t: RectificationTask, _: unknown, ctx: AffairsContext) =>
    ((await ctx.loaders.application.load(t.applicationId)) as Application | null)?.terms.name ?? '',
  score: async (t: RectificationTask, _: unknown, ctx: AffairsContext) =>
    (await ctx.loaders.ratingById.load(t.ratingId))?.score ?? 0,
  comment: async (t: RectificationTask, _: unknown, ctx: AffairsContext) =>
    (await ctx.loaders.ratingById.load(t.ratingId))?.comment ?? null,
  openedAt: (t: RectificationTask) => iso(t.openedAt),
  closedAt: (t: RectificationTask) => iso(t.closedAt),
};

export const notificationFields = {
  title: (n: Notification, _: unknown, ctx: AffairsContext) => pick(ctx.locale, n.title),
  body: (n: Notification, _: unknown, ctx: AffairsContext) => pick(ctx.locale, n.body),
  createdAt: (n: Notification) => iso(n.createdAt),
  readAt: (n: Notification) => iso(n.readAt),
};
