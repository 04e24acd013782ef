import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { loadWorkingCalendar } from '../calendar/calendar.store.js';
import { checkExtension, clockOf, extensionRefusalMessage } from '../workflow/engine.js';
import { definitionById } from '../workflow/workflow.store.js';
import { actorsOf } from './actors.js';
import { commitChange, type StepRecord } from './application.commit.js';
import { Application, type ExtensionEntry } from './application.entity.js';
import { isId } from './application.start.js';
import { dueAtOf } from './deadline-view.js';
import { failures } from './messages.js';

export type Loaded = {
  app: Application;
  definition: NonNullable<Awaited<ReturnType<typeof definitionById>>>;
};

/** The application, if the caller is staff (or a supervisor) of its department and the version matches. */
export async function loadForStaff(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  locale: Locale,
): Promise<Loaded | Failure> {
  const app = isId(id) ? ((await em.findOne(Application, { id })) as Application | null) : null;
  if (!app) return failures.notFound(locale);
  const actors = actorsOf(viewer, app);
  if (!actors.includes('STAFF') && !actors.includes('SUPERVISOR')) return failures.notYours(locale);
  if (app.version !== expectedVersion) return failures.changedMeanwhile(locale);
  const definition = await definitionById(em, app.workflowDefinitionId);
  if (!definition) throw new Error(`application ${app.id} refers to a missing workflow definition`);
  return { app, definition };
}

export const isFailure = (value: object): value is Failure =>
  'ok' in value && (value as Failure).ok === false;

export function step(
  viewer: Viewer,
  loaded: Loaded,
  action: string,
  comment: string | null,
  supervisor: boolean,
): StepRecord {
  return {
    action,
    fromState: loaded.app.state,
    toState: loaded.app.state,
    actorAccountId: viewer.accountId,
    actorKind: supervisor ? 'SUPERVISOR' : 'STAFF',
    comment,
    materialReasons: null,
    workflowDefinitionId: loaded.definition.id,
    workflowVersion: loaded.definition.version,
  };
}

export async function saved(em: EntityManager, id: string) {
  return ok({ application: (await em.fork().findOneOrFail(Application, { id })) as Application });
}

/** 认领: take an application of the department's pool on (or give it back). Final ones cannot be claimed. */
export async function claimApplication(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; release?: boolean | null },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  const loaded = await loadForStaff(em, viewer, args.id, args.expectedVersion, locale);
  if (isFailure(loaded)) return loaded;
  const { app, definition } = loaded;
  if (definition.spec.states[app.state]?.final) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '此办件已办结', en: 'This application is finished.' }),
      'id',
    );
  }
  const release = Boolean(args.release);
  if (release && app.assigneeAccountId !== viewer.accountId) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '此办件不是由您认领的', en: 'You have not claimed this application.' }),
      'release',
    );
  }
  if (!release && app.assigneeAccountId && app.assigneeAccountId !== viewer.accountId) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '此办件已被其他同事认领', en: 'A colleague has already claimed this application.' }),
      'id',
    );
  }
  const supervisor = actorsOf(viewer, app).includes('SUPERVISOR');
  const done = await commitChange(
    em,
    app,
    { assigneeAccountId: release ? null : viewer.accountId },
    [
      {
        ...step(viewer, loaded, release ? 'release' : 'claim', null, supervisor),
        assigneeAccountId: release ? null : viewer.accountId,
      },
    ],
    new Date(services.now()),
    requestId,
  );
  return done ? saved(em, app.id) : failures.changedMeanwhile(locale);
}

/**
 * 延期: staff ask for an extension (once, 1–10 working days, with a reason, while the clock runs
 * or is stopped); a supervisor's own request is approved at once. The days count only once approved.
 */
export async function requestExtension(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; workingDays: number; reason: string },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  const loaded = await loadForStaff(em, viewer, args.id, args.expectedVersion, locale);
  if (isFailure(loaded)) return loaded;
  const { app, definition } = loaded;
  if (app.extension?.status === 'REQUESTED') {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '已有延期申请在等待审批',
        en: 'An extension request is already waiting for a supervisor.',
      }),
      'id',
    );
  }
  const clock = clockOf(definition.spec, { state: app.state, previousState: app.previousState });
  // Validated as the approver would validate it, so a request that could never be granted is refused now.
  const check = checkExtension(
    definition.spec,
    { clock, extended: app.extension?.status === 'APPROVED' },
    { workingDays: args.workingDays, reason: args.reason },
    ['SUPERVISOR'],
  );
  if (!check.ok) return extensionRefusalMessage(definition.spec, check, locale).failure;
  const supervisor = actorsOf(viewer, app).includes('SUPERVISOR');
  const at = new Date(services.now());
  const extension: ExtensionEntry = {
    status: supervisor ? 'APPROVED' : 'REQUESTED',
    workingDays: check.workingDays,
    reason: check.reason,
    requestedBy: viewer.accountId!,
    requestedAt: at.toISOString(),
    decidedBy: supervisor ? viewer.accountId : null,
    decidedAt: supervisor ? at.toISOString() : null,
    decisionComment: null,
  };
  const steps = [step(viewer, loaded, 'requestExtension', check.reason, supervisor)];
  if (supervisor) steps.push(step(viewer, loaded, 'approveExtension', null, true));
  const changes: Partial<Application> = { extension };
  changes.dueAt = dueAtOf({ ...app, ...changes } as Application, await loadWorkingCalendar(em), at.getTime());
  const done = await commitChange(em, app, changes, steps, at, requestId);
  return done ? saved(em, app.id) : failures.changedMeanwhile(locale);
}

/** A supervisor of the department approves or declines the pending extension request. */
export async function decideExtension(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; approve: boolean; comment?: string | null },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  const loaded = await loadForStaff(em, viewer, args.id, args.expectedVersion, locale);
  if (isFailure(loaded)) return loaded;
  const { app } = loaded;
  if (!actorsOf(viewer, app).includes('SUPERVISOR')) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '只有本部门主管可以审批延期',
        en: 'Only a supervisor of the department may decide extensions.',
      }),
    );
  }
  if (app.extension?.status !== 'REQUESTED') {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '没有待审批的延期申请', en: 'There is no extension request waiting.' }),
      'id',
    );
  }
  const comment = args.comment?.trim() || null;
  if ((!args.approve && !comment) || (comment && [...comment].length > 500)) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '不同意延期时请说明理由（最多 500 字）',
        en: 'Give a reason (at most 500 characters) to decline.',
      }),
      'comment',
    );
  }
  const at = new Date(services.now());
  const extension: ExtensionEntry = {
    ...app.extension,
    status: args.approve ? 'APPROVED' : 'DECLINED',
    decidedBy: viewer.accountId,
    decidedAt: at.toISOString(),
    decisionComment: comment,
  };
  const changes: Partial<Application> = { extension };
  changes.dueAt = dueAtOf({ ...app, ...changes } as Application, await loadWorkingCalendar(em), at.getTime());
  const done = await commitChange(
    em,
    app,
    changes,
    [step(viewer, loaded, args.approve ? 'approveExtension' : 'declineExtension', comment, true)],
    at,
    requestId,
  );
  return done ? saved(em, app.id) : failures.changedMeanwhile(locale);
}
