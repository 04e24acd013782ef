import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ItemTerms } from '../directories/catalog-directory.js';

/** How a material is provided: from an electronic licence (零材料), uploaded, or not (optional). */
export interface MaterialEntry {
  /** The material's id in the terms snapshot (`m1`…). */
  id: string;
  source: 'LICENCE' | 'UPLOAD' | 'NONE';
  /** The licence used, once the applicant consented to its use for this application. */
  licence: { licenceId: string; typeCode: string; consentedAt: string } | null;
  /** Uploaded files (ids in the file store). */
  fileIds: string[];
  /** 补正: why staff sent this material back; cleared when the applicant resubmits. */
  correction: string | null;
}

/** One suspension (挂起) of the clock; `to` is null while it lasts. */
export interface Suspension {
  from: string;
  to: string | null;
  reason: string;
}

/** 延期: asked for by staff, decided by a supervisor; only an APPROVED one moves the deadline. */
export interface ExtensionEntry {
  status: 'REQUESTED' | 'APPROVED' | 'DECLINED';
  workingDays: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

/** The instant-approval evaluation at submission, frozen: later rule versions never change it. */
export interface RuleEvaluation {
  ruleSetId: string;
  ruleSetVersion: number;
  decision: 'APPROVE' | 'REVIEW';
  results: {
    ruleId: string;
    kind: string;
    outcome: 'PASS' | 'FAIL' | 'UNKNOWN';
    explanation: { zh: string; en: string };
  }[];
  evaluatedAt: string;
}

/**
 * 办件 — one resident's application for one service item, with the terms it was made under, its
 * materials and answers, its workflow state and clock. `version` is the optimistic lock every
 * change checks in its UPDATE, so of two staff acting at once exactly one wins.
 */
export const Application = defineEntity({
  name: 'Application',
  tableName: 'application',
  indexes: [
    { name: 'application_inbox_index', properties: ['departmentCode', 'state', 'dueAt'] },
    // The inbox's page order: an ordered scan that stops after a page (bench/README.md, "The inbox's SQL").
    { name: 'application_due_order_index', properties: ['departmentCode', 'dueAt', 'id'] },
    { name: 'application_applicant_index', properties: ['personId', 'createdAt'] },
    { name: 'application_open_item_index', properties: ['personId', 'itemId', 'state'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    /** 办件编号 shown to people, e.g. YH20261129A7K3Q2. */
    reference: p.string().length(24).unique(),
    personId: p.string().length(36),
    accountId: p.string().length(36),
    itemId: p.string().length(36),
    itemCode: p.string().length(16),
    departmentCode: p.string().length(16),
    terms: p.json<ItemTerms>(),
    workflowDefinitionId: p.string().length(36),
    state: p.string().length(24),
    /** Where `$previous` leads back to (after 补正 or 挂起). */
    previousState: p.string().length(24).nullable(),
    formAnswers: p.json<Record<string, unknown>>(),
    materials: p.json<MaterialEntry[]>(),
    suspensions: p.json<Suspension[]>(),
    extension: p.json<ExtensionEntry | null>().nullable(),
    ruleEvaluation: p.json<RuleEvaluation | null>().nullable(),
    /** Staff member who claimed it (认领), if any. */
    assigneeAccountId: p.string().length(36).nullable().index(),
    submittedAt: p.datetime().nullable(),
    acceptedAt: p.datetime().nullable(),
    decidedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    /** End of the deadline day (+08:00) while the clock runs or is stopped; for sorting the inbox. */
    dueAt: p.datetime().nullable(),
    escalatedAt: p.datetime().nullable(),
    /** When the applicant was invited to rate (好差评), 3 days after it finished. */
    ratingInvitedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer(),
  },
});
export type Application = InferEntity<typeof Application>;

/**
 * 办理记录 — one step in an application's history: who did what, from which state to which, with
 * which comment, under which version of the workflow definition. Append-only.
 */
export const ApplicationEvent = defineEntity({
  name: 'ApplicationEvent',
  tableName: 'application_event',
  indexes: [{ name: 'application_event_order_index', properties: ['applicationId', 'seq'] }],
  properties: {
    id: p.string().length(36).primary(),
    applicationId: p.string().length(36),
    /** 1, 2, 3… per application; unique with the application, so two writers cannot both append step n. */
    seq: p.integer(),
    action: p.string().length(32),
    fromState: p.string().length(24).nullable(),
    toState: p.string().length(24),
    actorAccountId: p.string().length(36).nullable(),
    actorKind: p.string().length(16),
    /** For claim, assign and release steps: the account it went to (null: back to the pool). */
    assigneeAccountId: p.string().length(36).nullable(),
    comment: p.text().nullable(),
    materialReasons: p.json<{ materialId: string; reason: string }[] | null>().nullable(),
    workflowDefinitionId: p.string().length(36),
    workflowVersion: p.integer(),
    at: p.datetime(),
    requestId: p.string().length(64).nullable(),
  },
  uniques: [{ name: 'application_event_seq_unique', properties: ['applicationId', 'seq'] }],
});
export type ApplicationEvent = InferEntity<typeof ApplicationEvent>;
