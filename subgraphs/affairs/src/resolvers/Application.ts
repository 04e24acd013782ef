import { pick } from '@bianmin/kit';
import type { AffairsContext } from '../context.js';
import { actorsOf } from '../modules/application/actors.js';
import type {
  Application as ApplicationRow,
  ApplicationEvent,
} from '../modules/application/application.entity.js';
import { acceptanceDueAt, deadlineOf } from '../modules/application/deadline-view.js';
import { downloadUrlOf } from '../modules/files/files.service.js';
import type { MaterialFile } from '../modules/files/material-file.entity.js';
import { RATEABLE_STATES } from '../modules/rating/rating.service.js';
import { availableActions } from '../modules/workflow/engine.js';
import { describeAction, stateLabel } from '../modules/workflow/labels.js';
import type { AffairsServices } from '../services.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** History steps that are not workflow actions. */
const EXTRA_STEPS: Record<string, { zh: string; en: string }> = {
  create: { zh: '创建草稿', en: 'Draft started' },
  claim: { zh: '认领', en: 'Claimed' },
  assign: { zh: '分派', en: 'Assigned' },
  release: { zh: '退回待办池', en: 'Released to the pool' },
  requestExtension: { zh: '申请延期', en: 'Extension requested' },
  approveExtension: { zh: '批准延期', en: 'Extension approved' },
  declineExtension: { zh: '不同意延期', en: 'Extension declined' },
};

const staffMember = (accountId: string | null | undefined) =>
  accountId ? { __typename: 'StaffMember', accountId } : null;

/** Staff names are for colleagues: only staff of the handling department see who did what. */
const seesStaff = (app: ApplicationRow, ctx: AffairsContext) =>
  actorsOf(ctx.viewer, app).some((actor) => actor === 'STAFF' || actor === 'SUPERVISOR');

async function definitionOf(app: ApplicationRow, ctx: AffairsContext) {
  const definition = await ctx.loaders.workflowDefinition.load(app.workflowDefinitionId);
  if (!definition) throw new Error(`application ${app.id} refers to a missing workflow definition`);
  return definition;
}

/** Application fields; the row is already visible to the viewer (see application.read.ts). */
export const applicationResolvers = (services: AffairsServices) => ({
  __resolveReference: async (ref: { id: string }, ctx: AffairsContext) => {
    const app = await ctx.loaders.application.load(ref.id);
    return app && actorsOf(ctx.viewer, app).length > 0 ? app : null;
  },
  applicant: (app: ApplicationRow) => ({ __typename: 'Person', id: app.personId }),
  serviceItem: (app: ApplicationRow) => ({ __typename: 'ServiceItem', id: app.itemId }),
  terms: (app: ApplicationRow) => ({
    itemCode: app.terms.code,
    itemName: app.terms.name,
    departmentCode: app.terms.departmentCode,
    departmentName: app.terms.departmentName,
    legalDays: app.terms.legalDays,
    promisedDays: app.terms.promisedDays,
  }),
  stateLabel: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    stateLabel((await definitionOf(app, ctx)).spec, app.state, ctx.locale),
  workflow: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) => {
    const d = await definitionOf(app, ctx);
    return { code: d.code, version: d.version, name: pick(ctx.locale, d.spec.name) };
  },
  availableActions: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) => {
    const { spec } = await definitionOf(app, ctx);
    const actors = actorsOf(ctx.viewer, app);
    return availableActions(spec, { state: app.state, previousState: app.previousState }, actors)
      .filter((name) => name !== 'autoApprove')
      .map((name) => ({
        name,
        label: describeAction(spec, name, ctx.locale),
        commentRequired: spec.actions[name]?.comment === 'REQUIRED',
        materialReasonsRequired: spec.actions[name]?.materialReasons === 'REQUIRED',
      }));
  },
  materials: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) => {
    const files = (await ctx.loaders.filesOf.load(app.id)) as MaterialFile[];
    return app.terms.materials.map((m) => {
      const entry = app.materials.find((e) => e.id === m.id);
      return {
        id: m.id,
        name: m.name,
        required: m.required,
        fromLicenceType: m.fromLicenceType,
        source: entry?.source === 'LICENCE' ? 'LICENCE' : 'UPLOAD',
        licenceUsed: Boolean(entry?.licence),
        licenceConsentedAt: entry?.licence?.consentedAt ?? null,
        fileCount: entry?.fileIds.length ?? 0,
        correction: entry?.correction ?? null,
        files: files
          .filter((f) => f.materialId === m.id)
          .map((f) => ({
            id: f.id,
            fileName: f.fileName,
            contentType: f.contentType,
            size: f.size,
            downloadUrl: downloadUrlOf(services, f.id),
            uploadedAt: f.uploadedAt.toISOString(),
          })),
      };
    });
  },
  formAnswers: (app: ApplicationRow) =>
    Object.entries(app.formAnswers).map(([field, value]) => ({ field, value: String(value) })),
  deadline: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) => {
    const view = deadlineOf(app, await ctx.loaders.calendar(), services.now(), services.dueSoonWorkingDays);
    if (!view) return null;
    return {
      date: view.deadlineDate,
      dueAt: view.dueAt.toISOString(),
      workingDaysLeft: view.workingDaysLeft,
      status: view.status,
      clockStopped: view.clockStopped,
      suspendedWorkingDays: view.suspendedWorkingDays,
      extensionWorkingDays: app.extension?.status === 'APPROVED' ? app.extension.workingDays : 0,
      provisional: view.provisional,
    };
  },
  acceptanceDueAt: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    iso(acceptanceDueAt(app, await ctx.loaders.calendar())),
  ruleEvaluation: (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    app.ruleEvaluation && {
      ruleSetVersion: app.ruleEvaluation.ruleSetVersion,
      decision: app.ruleEvaluation.decision,
      evaluatedAt: app.ruleEvaluation.evaluatedAt,
      results: app.ruleEvaluation.results.map((r) => ({
        ruleId: r.ruleId,
        kind: r.kind,
        outcome: r.outcome,
        explanation: pick(ctx.locale, r.explanation),
      })),
    },
  history: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) => {
    const { spec } = await definitionOf(app, ctx);
    const steps = (await ctx.loaders.historyOf.load(app.id)) as ApplicationEvent[];
    const staffView = seesStaff(app, ctx);
    return steps.map((s) => ({
      actor:
        staffView && (s.actorKind === 'STAFF' || s.actorKind === 'SUPERVISOR')
          ? staffMember(s.actorAccountId)
          : null,
      assignee: staffView ? staffMember(s.assigneeAccountId) : null,
      action: s.action,
      label: EXTRA_STEPS[s.action]
        ? pick(ctx.locale, EXTRA_STEPS[s.action]!)
        : describeAction(spec, s.action, ctx.locale),
      fromState: s.fromState,
      toState: s.toState,
      actorKind: s.actorKind,
      comment: s.comment,
      materialReasons: s.materialReasons,
      workflowVersion: s.workflowVersion,
      at: s.at.toISOString(),
    }));
  },
  assignee: (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    seesStaff(app, ctx) ? staffMember(app.assigneeAccountId) : null,
  assignedToMe: (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    Boolean(app.assigneeAccountId) && app.assigneeAccountId === ctx.viewer.accountId,
  extension: (app: ApplicationRow) => app.extension,
  escalatedAt: (app: ApplicationRow) => iso(app.escalatedAt),
  rating: (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    ctx.loaders.ratingOfApplication.load(app.id),
  canRate: async (app: ApplicationRow, _: unknown, ctx: AffairsContext) =>
    ctx.viewer.personId === app.personId &&
    RATEABLE_STATES.includes(app.state) &&
    !(await ctx.loaders.ratingOfApplication.load(app.id)),
  submittedAt: (app: ApplicationRow) => iso(app.submittedAt),
  acceptedAt: (app: ApplicationRow) => iso(app.acceptedAt),
  decidedAt: (app: ApplicationRow) => iso(app.decidedAt),
  createdAt: (app: ApplicationRow) => iso(app.createdAt),
});
