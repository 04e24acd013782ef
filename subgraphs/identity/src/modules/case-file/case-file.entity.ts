import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 办件档案 — what identity knows about one application (办件) owned by the affairs subgraph:
 * enough to decide whether a member of staff may reveal the applicant's data for handling it.
 * A projection, fed only by `affairs.application.*` events (`startCaseFileConsumer`); never
 * written by identity's own operations. `lastSeq` is the newest step applied: events arrive at
 * least once and in any order, so an older step never overwrites a newer one.
 */
export const CaseFile = defineEntity({
  name: 'CaseFile',
  tableName: 'case_file',
  properties: {
    applicationId: p.string().length(36).primary(),
    /** 办件编号, e.g. YH20261129A7K3Q2; staff may name a case by it or by the application id. */
    reference: p.string().length(64).unique(),
    /** The applicant. */
    personId: p.string().length(36),
    /** The handling department (organization code, e.g. MZ). */
    departmentCode: p.string().length(16),
    /** The application's workflow state after the newest step (e.g. UNDER_REVIEW, COMPLETED). */
    state: p.string().length(24),
    /** False once the application reached a final state (COMPLETED, REJECTED, NOT_ACCEPTED, WITHDRAWN). */
    open: p.boolean(),
    /** The newest step's number in the application's history. */
    lastSeq: p.integer(),
    /** When the newest step happened in affairs (its `at`): for a closed case, when it closed. */
    updatedAt: p.datetime(),
  },
});
export type CaseFile = InferEntity<typeof CaseFile>;
