import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { loadWorkingCalendar } from '../calendar/calendar.store.js';
import { applyAction, refusalFailure, type Refusal } from '../workflow/engine.js';
import { definitionById } from '../workflow/workflow.store.js';
import { actorsOf } from './actors.js';
import { commitChange, type StepRecord } from './application.commit.js';
import { Application, type Suspension } from './application.entity.js';
import { isId } from './application.start.js';
import { dueAtOf } from './deadline-view.js';
import { evaluateOnSubmission } from './instant-approval.js';
import { failures } from './messages.js';

export interface ActionInput {
  comment?: string | null;
  materialReasons?: { materialId: string; reason: string }[] | null;
}

type Loaded = { app: Application; definition: NonNullable<Awaited<ReturnType<typeof definitionById>>> };

async function load(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  locale: Locale,
): Promise<Loaded | Failure> {
  const app = isId(id) ? ((await em.findOne(Application, { id })) as Application | null) : null;
  if (!app) return failures.notFound(locale);
  const definition = await definitionById(em, app.workflowDefinitionId);
  if (!definition) throw new Error(`application ${app.id} refers to a missing workflow definition`);
  if (app.version !== expectedVersion) return failures.changedMeanwhile(locale);
  return { app, definition };
}

const isFailure = (value: object): value is Failure => 'ok' in value && (value as Failure).ok === false;

/**
 * What a transition does to the application's clock fields. START: accepted now; STOP: a
 * suspension begins; RESUME: the open suspension ends; END: decided and, for final states,
 * finished. The deadline (`dueAt`) is recomputed from the result.
 */
export function clockChanges(
  app: Application,
  effects: readonly string[],
  to: string,
  final: boolean,
  at: Date,
  reason: string,
): Partial<Application> {
  const changes: Partial<Application> = {};
  const iso = at.toISOString();
  let suspensions: Suspension[] = app.suspensions;
  if (effects.includes('START_CLOCK') && !app.acceptedAt) changes.acceptedAt = at;
  if (effects.includes('STOP_CLOCK') && (app.acceptedAt || changes.acceptedAt)) {
    suspensions = [...suspensions, { from: iso, to: null, reason }];
  }
  if (effects.includes('RESUME_CLOCK') || effects.includes('END_CLOCK')) {
    suspensions = suspensions.map((s) => (s.to === null ? { ...s, to: iso } : s));
  }
  if (suspensions !== app.suspensions) changes.suspensions = suspensions;
  if (effects.includes('END_CLOCK')) changes.decidedAt = at;
  if (final) changes.finishedAt = at;
  void to;
  return changes;
}

/**
 * Take a workflow action on an application: the caller's actors (applicant; staff or supervisor
 * of the handling department) must be allowed the action in the current state by the
 * application's own version of the workflow definition. Every check happens before the write;
 * the write is conditional on `expectedVersion`.
 */
export async function actOnApplication(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; action: string; input: ActionInput },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  if (!viewer.accountId)
    return fail(ErrorCode.UNAUTHENTICATED, pick(locale, { zh: '请先登录', en: 'Sign in first.' }));
  const loaded = await load(em, args.id, args.expectedVersion, locale);
  if (isFailure(loaded)) return loaded;
  const { app, definition } = loaded;
  const actors = actorsOf(viewer, app);
  if (actors.length === 0) return failures.notYours(locale);
  if (args.action === 'submit') return submit(em, services, viewer, loaded, locale, requestId);

  const outcome = applyAction(
    definition.spec,
    { state: app.state, previousState: app.previousState },
    args.action,
    actors,
    { comment: args.input.comment ?? undefined, materialReasons: args.input.materialReasons ?? undefined },
    { materialIds: app.materials.map((m) => m.id) },
  );
  if (!outcome.ok) return refusal(definition.spec, outcome, locale);

  const at = new Date(services.now());
  const toSpec = definition.spec.states[outcome.to]!;
  const changes: Partial<Application> = {
    state: outcome.to,
    previousState: outcome.previousState,
    ...clockChanges(app, outcome.clockEffects, outcome.to, toSpec.final, at, args.action),
  };
  if (args.action === 'requestCorrection') {
    const reasons = new Map((outcome.materialReasons ?? []).map((r) => [r.materialId, r.reason]));
    changes.materials = app.materials.map((m) => ({ ...m, correction: reasons.get(m.id) ?? null }));
  }
  if (args.action === 'resubmit') changes.materials = app.materials.map((m) => ({ ...m, correction: null }));
  const calendar = await loadWorkingCalendar(em);
  changes.dueAt = dueAtOf({ ...app, ...changes } as Application, calendar, at.getTime());

  const step: StepRecord = {
    action: args.action,
    fromState: app.state,
    toState: outcome.to,
    actorAccountId: viewer.accountId,
    actorKind: outcome.actingAs,
    comment: outcome.comment,
    materialReasons: outcome.materialReasons.length ? outcome.materialReasons : null,
    workflowDefinitionId: definition.id,
    workflowVersion: definition.version,
  };
  if (!(await commitChange(em, app, changes, [step], at, requestId)))
    return failures.changedMeanwhile(locale);
  return ok({ application: (await em.fork().findOneOrFail(Application, { id: app.id })) as Application });
}

/** The engine's refusal as a result; input problems name the mutation's `input.<field>`. */
function refusal(spec: Loaded['definition']['spec'], outcome: Refusal, locale: Locale): Failure {
  const failure = refusalFailure(spec, outcome, locale);
  if (outcome.code !== 'BAD_USER_INPUT') return failure;
  return { ...failure, error: { ...failure.error, field: `input.${failure.error.field}` } };
}

/**
 * Submit a draft: every required material provided (a licence the applicant agreed to use, or
 * an upload), then the item's instant-approval rules, if it has any. All rules pass → submitted
 * and approved in one commit, with the evaluation frozen on the application; otherwise it waits
 * for staff, who see which rule failed or could not be checked.
 */
async function submit(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  { app, definition }: Loaded,
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  const actors = actorsOf(viewer, app);
  const outcome = applyAction(
    definition.spec,
    { state: app.state, previousState: app.previousState },
    'submit',
    actors,
    {},
  );
  if (!outcome.ok) return refusal(definition.spec, outcome, locale);
  const missing = app.terms.materials.findIndex((m) => {
    const entry = app.materials.find((e) => e.id === m.id)!;
    if (!m.required) return false;
    return entry.source === 'LICENCE' ? entry.licence === null : entry.fileIds.length === 0;
  });
  if (missing >= 0) {
    const material = app.terms.materials[missing]!;
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `还缺少材料「${material.name}」：请同意使用电子证照或上传`,
        en: `“${material.name}” is still missing: agree to use the electronic licence, or upload it.`,
      }),
      `materials.${material.id}`,
    );
  }

  const at = new Date(services.now());
  const evaluation = await evaluateOnSubmission(em, services, viewer, app, at);
  const steps: StepRecord[] = [
    {
      action: 'submit',
      fromState: app.state,
      toState: outcome.to,
      actorAccountId: viewer.accountId,
      actorKind: 'APPLICANT',
      comment: null,
      materialReasons: null,
      workflowDefinitionId: definition.id,
      workflowVersion: definition.version,
    },
  ];
  let changes: Partial<Application> = { state: outcome.to, submittedAt: at, ruleEvaluation: evaluation };
  if (evaluation?.decision === 'APPROVE') {
    const approved = applyAction(
      definition.spec,
      { state: outcome.to, previousState: null },
      'autoApprove',
      ['SYSTEM'],
      {},
    );
    if (approved.ok) {
      steps.push({
        action: 'autoApprove',
        fromState: outcome.to,
        toState: approved.to,
        actorAccountId: null,
        actorKind: 'SYSTEM',
        comment: null,
        materialReasons: null,
        workflowDefinitionId: definition.id,
        workflowVersion: definition.version,
      });
      changes = {
        ...changes,
        state: approved.to,
        acceptedAt: at,
        decidedAt: at,
        ...(definition.spec.states[approved.to]?.final ? { finishedAt: at } : {}),
      };
    }
  }
  const calendar = await loadWorkingCalendar(em);
  changes.dueAt = dueAtOf({ ...app, ...changes } as Application, calendar, at.getTime());
  if (!(await commitChange(em, app, changes, steps, at, requestId))) return failures.changedMeanwhile(locale);
  return ok({ application: (await em.fork().findOneOrFail(Application, { id: app.id })) as Application });
}
