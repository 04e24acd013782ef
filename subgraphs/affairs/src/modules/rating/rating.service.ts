import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  decodeCursor,
  ErrorCode,
  fail,
  ok,
  pageSize,
  pick,
  toConnection,
  type Failure,
  type Locale,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { isDepartmentStaff } from '../application/actors.js';
import { Application } from '../application/application.entity.js';
import { isId } from '../application/application.start.js';
import { failures } from '../application/messages.js';
import { Notification } from '../notification/notification.entity.js';
import { Rating, RectificationTask } from './rating.entity.js';

/** Outcomes a resident can rate: the application is finished, whatever the decision (not withdrawn). */
export const RATEABLE_STATES = ['COMPLETED', 'REJECTED', 'NOT_ACCEPTED'];

export const SCORE_LABELS: Record<number, { zh: string; en: string }> = {
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  5: { zh: '非常满意', en: 'Very satisfied' },
};

export interface RatingInput {
  score: number;
  satisfaction: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  comment?: string | null;
}

const SCORES = ['score', 'satisfaction', 'efficiency', 'guideAccuracy', 'convenience'] as const;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * 好差评: the applicant rates a finished application once (the unique index on the application
 * decides a double submit). 1–2 stars open a rectification task for the handling department in
 * the same transaction.
 */
export async function rateApplication(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; input: RatingInput },
  locale: Locale,
): Promise<Result<{ rating: Rating }> | Failure> {
  if (!viewer.personId) return failures.signedOutOrNotAPerson(locale);
  const app = isId(args.id) ? ((await em.findOne(Application, { id: args.id })) as Application | null) : null;
  if (!app) return failures.notFound(locale);
  if (app.personId !== viewer.personId) return failures.notYours(locale);
  if (!RATEABLE_STATES.includes(app.state)) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '办结后才能评价', en: 'You can rate an application once it is finished.' }),
      'id',
    );
  }
  for (const key of SCORES) {
    const value = args.input[key];
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      return fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, { zh: '评分须为 1–5 星', en: 'Each score is 1 to 5 stars.' }),
        `input.${key}`,
      );
    }
  }
  const comment = args.input.comment?.trim() || null;
  if (comment && ([...comment].length > 500 || CONTROL.test(comment))) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '评价内容最多 500 字', en: 'The comment has at most 500 characters.' }),
      'input.comment',
    );
  }
  const at = new Date(services.now());
  const rating: Rating = {
    id: randomUUID(),
    applicationId: app.id,
    personId: app.personId,
    departmentCode: app.departmentCode,
    itemCode: app.itemCode,
    score: args.input.score,
    satisfaction: args.input.satisfaction,
    efficiency: args.input.efficiency,
    guideAccuracy: args.input.guideAccuracy,
    convenience: args.input.convenience,
    comment,
    ratedAt: at,
  };
  try {
    await em.transactional(async (tx) => {
      await tx.insert(Rating, rating);
      if (rating.score <= 2) {
        await tx.insert(RectificationTask, {
          id: randomUUID(),
          ratingId: rating.id,
          applicationId: app.id,
          departmentCode: app.departmentCode,
          status: 'OPEN',
          openedAt: at,
          response: null,
          respondedBy: null,
          closedAt: null,
        });
      }
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) {
      return fail(
        ErrorCode.CONFLICT,
        pick(locale, { zh: '此办件已评价过', en: 'This application has already been rated.' }),
        'id',
      );
    }
    throw error;
  }
  return ok({ rating });
}

/** The department closes a rectification task with a response the applicant sees (and is notified of). */
export async function respondToRectification(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; response: string },
  locale: Locale,
): Promise<Result<{ task: RectificationTask }> | Failure> {
  const task = isId(args.id) ? await em.findOne(RectificationTask, { id: args.id }) : null;
  if (!task)
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个整改任务', en: 'There is no such task.' }),
      'id',
    );
  if (!isDepartmentStaff(viewer) || viewer.department !== task.departmentCode)
    return failures.notYours(locale);
  const response = args.response.trim();
  if (response.length === 0 || [...response].length > 1000 || CONTROL.test(response)) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '请填写 1–1000 字的整改回复', en: 'Write a response of 1–1000 characters.' }),
      'response',
    );
  }
  const at = new Date(services.now());
  const app = (await em.findOneOrFail(Application, { id: task.applicationId })) as Application;
  const closed = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      RectificationTask,
      { id: task.id, status: 'OPEN' },
      { status: 'CLOSED', response, respondedBy: viewer.accountId, closedAt: at },
    );
    if (changed !== 1) return false;
    await tx.insert(Notification, {
      id: randomUUID(),
      personId: app.personId,
      kind: 'RECTIFICATION_RESPONSE',
      title: { zh: '部门已回复您的评价', en: 'The department answered your rating' },
      body: {
        zh: `关于「${app.terms.name}」（${app.reference}）：${response}`,
        en: `About “${app.terms.name}” (${app.reference}): ${response}`,
      },
      applicationId: app.id,
      createdAt: at,
      readAt: null,
    });
    return true;
  });
  if (!closed)
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '此任务已回复', en: 'This task has already been answered.' }),
      'id',
    );
  return ok({
    task: (await em.fork().findOneOrFail(RectificationTask, { id: task.id })) as RectificationTask,
  });
}

/** The department's rectification tasks, oldest open first. Null for anyone not department staff. */
export async function rectificationTasks(
  em: EntityManager,
  viewer: Viewer,
  args: { openOnly?: boolean | null; first?: number | null; after?: string | null },
) {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  if (!isDepartmentStaff(viewer)) return null;
  const [rows, total] = await em.findAndCount(
    RectificationTask,
    { departmentCode: viewer.department!, ...(args.openOnly === false ? {} : { status: 'OPEN' as const }) },
    { orderBy: { openedAt: 'asc', id: 'asc' }, limit: first, offset },
  );
  return toConnection(rows as RectificationTask[], offset, total);
}
