import type { WorkflowSpec } from '../workflow-spec.js';
import { deepFreeze } from './freeze.js';

const DEPARTMENT = ['STAFF', 'SUPERVISOR'] as const;

/**
 * 标准办理流程 — the default workflow most service items are handled under: submit, 受理 within
 * two working days (or 不予受理 with a reason), review, decision, 办结; 补正 and 挂起 return to where
 * the application was; 秒批 approves at once; the applicant may withdraw until a decision.
 *
 * The order of `actions` is the order the UI offers them (the main path first), so it is kept
 * when stored (see workflow-definition.entity.ts).
 */
export const standardWorkflow: WorkflowSpec = deepFreeze({
  code: 'standard',
  version: 1,
  name: { zh: '标准办理流程', en: 'Standard handling' },
  initialState: 'DRAFT',
  states: {
    DRAFT: {
      label: { zh: '草稿', en: 'Draft' },
      clock: 'NOT_STARTED',
      final: false,
      waitingFor: 'APPLICANT',
    },
    SUBMITTED: {
      label: { zh: '待受理', en: 'Awaiting acceptance' },
      clock: 'NOT_STARTED',
      final: false,
      // 受理时限: the department decides whether to accept within two working days.
      slaWorkingDays: 2,
      waitingFor: 'DEPARTMENT',
    },
    RETURNED: {
      label: { zh: '待补正', en: 'Awaiting correction' },
      clock: 'STOPPED',
      final: false,
      waitingFor: 'APPLICANT',
    },
    ACCEPTED: {
      label: { zh: '已受理', en: 'Accepted' },
      clock: 'RUNNING',
      final: false,
      waitingFor: 'DEPARTMENT',
    },
    UNDER_REVIEW: {
      label: { zh: '审查中', en: 'Under review' },
      clock: 'RUNNING',
      final: false,
      waitingFor: 'DEPARTMENT',
    },
    SUSPENDED: {
      label: { zh: '已挂起', en: 'Suspended' },
      clock: 'STOPPED',
      final: false,
      // Waiting for an outside check, but the department must resume it: it stays in their inbox.
      waitingFor: 'DEPARTMENT',
    },
    APPROVED: {
      label: { zh: '审批通过', en: 'Approved' },
      clock: 'ENDED',
      final: false,
      // Decided, but the department still has to deliver the result (出证, 送达) and close it.
      waitingFor: 'DEPARTMENT',
    },
    REJECTED: {
      label: { zh: '审批不通过', en: 'Rejected' },
      clock: 'ENDED',
      final: true,
      waitingFor: 'NOBODY',
    },
    NOT_ACCEPTED: {
      label: { zh: '不予受理', en: 'Not accepted' },
      clock: 'ENDED',
      final: true,
      waitingFor: 'NOBODY',
    },
    WITHDRAWN: {
      label: { zh: '已撤回', en: 'Withdrawn' },
      clock: 'ENDED',
      final: true,
      waitingFor: 'NOBODY',
    },
    COMPLETED: {
      label: { zh: '已办结', en: 'Completed' },
      clock: 'ENDED',
      final: true,
      waitingFor: 'NOBODY',
    },
  },
  actions: {
    submit: {
      label: { zh: '提交', en: 'Submit' },
      from: ['DRAFT'],
      to: 'SUBMITTED',
      actors: ['APPLICANT'],
      comment: 'NONE',
    },
    autoApprove: {
      label: { zh: '秒批通过', en: 'Instantly approved' },
      from: ['SUBMITTED'],
      to: 'APPROVED',
      actors: ['SYSTEM'],
      comment: 'OPTIONAL',
      // Accepted and decided in the same instant.
      effects: ['START_CLOCK', 'END_CLOCK'],
    },
    accept: {
      label: { zh: '受理', en: 'Accept' },
      from: ['SUBMITTED'],
      to: 'ACCEPTED',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
      // The time limit counts from 受理.
      effects: ['START_CLOCK'],
    },
    notAccept: {
      label: { zh: '不予受理', en: 'Do not accept' },
      from: ['SUBMITTED'],
      to: 'NOT_ACCEPTED',
      actors: [...DEPARTMENT],
      comment: 'REQUIRED',
      effects: ['END_CLOCK'],
    },
    startReview: {
      label: { zh: '开始审查', en: 'Start review' },
      from: ['ACCEPTED'],
      to: 'UNDER_REVIEW',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
    },
    approve: {
      label: { zh: '审批通过', en: 'Approve' },
      from: ['UNDER_REVIEW'],
      to: 'APPROVED',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
      effects: ['END_CLOCK'],
    },
    reject: {
      label: { zh: '审批不通过', en: 'Reject' },
      from: ['UNDER_REVIEW'],
      to: 'REJECTED',
      actors: [...DEPARTMENT],
      comment: 'REQUIRED',
      effects: ['END_CLOCK'],
    },
    complete: {
      label: { zh: '办结', en: 'Complete' },
      from: ['APPROVED'],
      to: 'COMPLETED',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
    },
    requestCorrection: {
      label: { zh: '补正告知', en: 'Request correction' },
      from: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW'],
      to: 'RETURNED',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
      materialReasons: 'REQUIRED',
      // Stops the clock only if it runs: before 受理 there is nothing to stop.
      effects: ['STOP_CLOCK'],
    },
    resubmit: {
      label: { zh: '补正后重新提交', en: 'Resubmit after correction' },
      from: ['RETURNED'],
      to: '$previous',
      actors: ['APPLICANT'],
      comment: 'OPTIONAL',
      // Resumes only a clock that had started.
      effects: ['RESUME_CLOCK'],
    },
    suspend: {
      label: { zh: '挂起', en: 'Suspend' },
      from: ['ACCEPTED', 'UNDER_REVIEW'],
      to: 'SUSPENDED',
      actors: [...DEPARTMENT],
      comment: 'REQUIRED',
      effects: ['STOP_CLOCK'],
    },
    resume: {
      label: { zh: '恢复办理', en: 'Resume' },
      from: ['SUSPENDED'],
      to: '$previous',
      actors: [...DEPARTMENT],
      comment: 'OPTIONAL',
      effects: ['RESUME_CLOCK'],
    },
    withdraw: {
      label: { zh: '撤回申请', en: 'Withdraw' },
      from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED'],
      to: 'WITHDRAWN',
      actors: ['APPLICANT'],
      comment: 'OPTIONAL',
      effects: ['END_CLOCK'],
    },
  },
  extension: { maxWorkingDays: 10, approvers: ['SUPERVISOR'] },
});
