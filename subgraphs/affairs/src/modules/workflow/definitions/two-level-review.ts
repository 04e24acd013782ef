import type { ActionSpec, StateSpec, WorkflowSpec } from '../workflow-spec.js';
import { deepFreeze } from './freeze.js';
import { standardWorkflow } from './standard.js';

/** A copy of `record` with `additions` placed right after `key` (the order is what the UI shows). */
function insertAfter<T>(
  record: Record<string, T>,
  key: string,
  additions: Record<string, T>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).flatMap(([k, v]) =>
      k === key ? [[k, v], ...Object.entries(additions)] : [[k, v]],
    ),
  );
}

const secondReview: StateSpec = {
  label: { zh: '复核中', en: 'Second review' },
  clock: 'RUNNING',
  final: false,
  waitingFor: 'DEPARTMENT',
};

const recommend: ActionSpec = {
  label: { zh: '提交复核', en: 'Recommend for second review' },
  from: ['UNDER_REVIEW'],
  to: 'SECOND_REVIEW',
  actors: ['STAFF'],
  // The reviewer's recommendation (初审意见) is what the supervisor decides on.
  comment: 'REQUIRED',
};

const sendBack: ActionSpec = {
  label: { zh: '退回审查', en: 'Send back for review' },
  from: ['SECOND_REVIEW'],
  to: 'UNDER_REVIEW',
  actors: ['SUPERVISOR'],
  comment: 'REQUIRED',
};

/** Changes to the standard actions: the decision moves to 复核 and to supervisors alone. */
function adapt(name: string, action: ActionSpec): ActionSpec {
  switch (name) {
    case 'approve':
    case 'reject':
      return { ...action, from: ['SECOND_REVIEW'], actors: ['SUPERVISOR'] };
    case 'suspend':
    case 'withdraw':
      // Still before a decision: the case can wait for an outside check, the applicant can withdraw.
      return { ...action, from: [...action.from, 'SECOND_REVIEW'] };
    default:
      return { ...action };
  }
}

/**
 * 两级审批流程 — the standard workflow with a second, supervisor's review (复核) between review and
 * decision: staff recommend a decision, a supervisor approves, rejects or sends it back. Derived
 * from the standard definition as data, which is the point: the engine knows neither.
 */
export const twoLevelReviewWorkflow: WorkflowSpec = deepFreeze({
  ...structuredClone(standardWorkflow),
  code: 'two-level-review',
  version: 1,
  name: { zh: '两级审批流程（初审、复核）', en: 'Two-level review (review, then second review)' },
  states: insertAfter(structuredClone(standardWorkflow.states), 'UNDER_REVIEW', {
    SECOND_REVIEW: secondReview,
  }),
  actions: insertAfter(
    Object.fromEntries(
      Object.entries(structuredClone(standardWorkflow.actions)).map(([name, action]) => [
        name,
        adapt(name, action),
      ]),
    ),
    'startReview',
    { recommend, sendBack },
  ),
});
