/**
 * The rows an application plan leaves behind, as affairs would have written them had each step
 * come through its API: the application with its frozen terms and clock fields, one history row
 * per step (the `create` row included), the applicant's notification for each step that sends
 * one — every transition decided by the workflow engine under the application's own workflow
 * definition, the deadline computed on the working calendar. What the SLA sweep does later is
 * done too: an overdue case is escalated a minute after it fell due, and an applicant is invited
 * to rate a finished case three days on.
 */
import { randomUUID } from 'node:crypto';
import { stepEvent, type ApplicationStepEvent } from '../../modules/application/application.commit.js';
import type {
  Application,
  ApplicationEvent,
  MaterialEntry,
} from '../../modules/application/application.entity.js';
import { creationEvent, newDraft } from '../../modules/application/application.start.js';
import { clockChanges } from '../../modules/application/application.transition.js';
import { dueAtOf } from '../../modules/application/deadline-view.js';
import type { WorkingCalendar } from '../../modules/calendar/working-calendar.js';
import type { ItemTerms } from '../../modules/directories/catalog-directory.js';
import type { Notification } from '../../modules/notification/notification.entity.js';
import { statusMessage } from '../../modules/notification/status-messages.js';
import { RATEABLE_STATES } from '../../modules/rating/rating.service.js';
import { CLOCK_RUNNING, RATING_INVITATION_DAYS, ratingInvitation } from '../../modules/sla/sla-sweep.js';
import { applyAction } from '../../modules/workflow/engine.js';
import type { WorkflowDefinition } from '../../modules/workflow/workflow-definition.entity.js';
import type { ApplicationPlan, PlannedStep } from './application-plans.js';

/** The SLA sweep runs every minute: an overdue case is escalated within one. */
const SWEEP_DELAY_MS = 60_000;
const DAY_MS = 86_400_000;

export interface ReplayContext {
  terms: ItemTerms;
  definition: WorkflowDefinition;
  calendar: WorkingCalendar;
  now: Date;
}

export interface ReplayedApplication {
  application: Application;
  events: ApplicationEvent[];
  notifications: Notification[];
  /** The newest step announced on `affairs.application.*` (none for a draft), as its payload. */
  announced: ApplicationStepEvent | null;
}

/** The draft as `startApplication` makes it, then saved with the applicant's choice of licences. */
function savedDraft(plan: ApplicationPlan, { terms, definition }: ReplayContext): Application {
  const agreed = new Map(plan.licences.map((l) => [l.material, l]));
  const materials: MaterialEntry[] = terms.materials.map((m, i) => {
    const licence = agreed.get(i);
    if (licence && licence.typeCode !== m.fromLicenceType)
      throw new Error(`plan ${plan.reference}: material ${m.id} is not supplied by a ${licence.typeCode}`);
    return {
      id: m.id,
      // A material no licence of the applicant's replaces is one to upload (the files are not generated).
      source: licence ? 'LICENCE' : 'UPLOAD',
      licence: licence
        ? {
            licenceId: licence.licenceId,
            typeCode: licence.typeCode,
            consentedAt: plan.savedAt.toISOString(),
          }
        : null,
      fileIds: [],
      correction: null,
    };
  });
  // Version 1 when started, 2 once the draft was saved with the applicant's choices.
  const started = newDraft({ ...plan, terms, definition, materials, at: plan.createdAt });
  return { ...started, updatedAt: plan.savedAt, version: 2 };
}

interface Taken {
  app: Application;
  /** What the history row says the step was. */
  actorKind: string;
  comment: string | null;
  materialReasons: { materialId: string; reason: string }[] | null;
}

/** The application after one step, and what the step writes to the history. */
function take(app: Application, step: PlannedStep, ctx: ReplayContext): Taken {
  if (step.action === 'claim') {
    return {
      app: { ...app, assigneeAccountId: step.actorAccountId },
      actorKind: step.actors.includes('SUPERVISOR') ? 'SUPERVISOR' : 'STAFF',
      comment: null,
      materialReasons: null,
    };
  }
  const spec = ctx.definition.spec;
  const outcome = applyAction(
    spec,
    { state: app.state, previousState: app.previousState },
    step.action,
    step.actors,
    {
      comment: step.comment,
      materialReasons: step.corrections?.map((c) => ({
        materialId: app.materials[c.material]?.id ?? `#${c.material}`,
        reason: c.reason,
      })),
    },
    { materialIds: app.materials.map((m) => m.id) },
  );
  if (!outcome.ok)
    throw new Error(`plan ${app.reference}: ${step.action} from ${app.state} refused (${outcome.code})`);
  const at = step.at;
  let changes: Partial<Application>;
  if (step.action === 'submit') {
    // As `submit` writes it: instant-approval rules are not evaluated for an imported history.
    changes = { state: outcome.to, submittedAt: at, ruleEvaluation: null };
  } else {
    changes = {
      state: outcome.to,
      previousState: outcome.previousState,
      ...clockChanges(app, outcome.clockEffects, outcome.to, spec.states[outcome.to]!.final, at, step.action),
    };
    if (step.action === 'requestCorrection') {
      const reasons = new Map(outcome.materialReasons.map((r) => [r.materialId, r.reason]));
      changes.materials = app.materials.map((m) => ({ ...m, correction: reasons.get(m.id) ?? null }));
    }
    if (step.action === 'resubmit')
      changes.materials = app.materials.map((m) => ({ ...m, correction: null }));
  }
  const next = { ...app, ...changes } as Application;
  next.dueAt = dueAtOf(next, ctx.calendar, at.getTime());
  return {
    app: next,
    actorKind: outcome.actingAs,
    comment: outcome.comment,
    materialReasons: outcome.materialReasons.length ? outcome.materialReasons : null,
  };
}

/** Replay `plan`: every row affairs stores for it. */
export function replayApplication(plan: ApplicationPlan, ctx: ReplayContext): ReplayedApplication {
  const { definition } = ctx;
  let app = savedDraft(plan, ctx);
  const events: ApplicationEvent[] = [creationEvent(app, definition, null)];
  const notifications: Notification[] = [];
  let announced: ApplicationStepEvent | null = null;
  for (const step of plan.steps) {
    const fromState = app.state;
    const taken = take(app, step, ctx);
    app = { ...taken.app, version: app.version + 1, updatedAt: step.at };
    const row: ApplicationEvent = {
      id: randomUUID(),
      applicationId: app.id,
      seq: events.length + 1,
      action: step.action,
      fromState,
      toState: app.state,
      actorAccountId: step.actorAccountId,
      actorKind: taken.actorKind,
      assigneeAccountId: step.action === 'claim' ? step.actorAccountId : null,
      comment: taken.comment,
      materialReasons: taken.materialReasons,
      workflowDefinitionId: definition.id,
      workflowVersion: definition.version,
      at: step.at,
      requestId: null,
    };
    events.push(row);
    announced = stepEvent(app, { ...row, fromState }, row.seq, step.at);
    const message = statusMessage(step.action, app, taken.comment);
    if (message)
      notifications.push({
        id: randomUUID(),
        personId: app.personId,
        kind: 'APPLICATION_STATUS',
        ...message,
        applicationId: app.id,
        createdAt: step.at,
        readAt: null,
      });
  }
  // What the SLA sweep would have done since (it changes neither the version nor updatedAt).
  const now = ctx.now.getTime();
  if (CLOCK_RUNNING.includes(app.state) && app.dueAt && app.dueAt.getTime() < now)
    app.escalatedAt = new Date(Math.min(now, app.dueAt.getTime() + SWEEP_DELAY_MS));
  const invitedAt = app.finishedAt ? app.finishedAt.getTime() + RATING_INVITATION_DAYS * DAY_MS : Infinity;
  if (RATEABLE_STATES.includes(app.state) && invitedAt <= now) {
    app.ratingInvitedAt = new Date(invitedAt);
    notifications.push(ratingInvitation(app, app.ratingInvitedAt));
  }
  return { application: app, events, notifications, announced };
}
