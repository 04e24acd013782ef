import type { WorkflowActionFields } from '../graphql/types';

export const MAX_COMMENT = 500;
export const MAX_MATERIAL_REASON = 200;
export const MAX_MATERIAL_REASONS = 20;

/** Actions the applicant takes on their own application (their own buttons, not the staff dialog). */
export const APPLICANT_ACTIONS: readonly string[] = ['submit', 'withdraw', 'resubmit'];

/** Actions that end an application against the applicant: shown as danger buttons. */
const NEGATIVE_ACTIONS: readonly string[] = ['reject', 'notAccept', 'withdraw'];
/** Actions that move it forward: the primary button. */
const FORWARD_ACTIONS: readonly string[] = [
  'accept',
  'approve',
  'complete',
  'recommend',
  'submit',
  'resubmit',
];

export type ActionTone = 'primary' | 'danger' | 'default';

export function actionTone(name: string): ActionTone {
  if (NEGATIVE_ACTIONS.includes(name)) return 'danger';
  if (FORWARD_ACTIONS.includes(name)) return 'primary';
  return 'default';
}

/** What the staff member filled in in an action's dialog. */
export interface ActionForm {
  comment: string;
  /** Materials ticked for 补正, each with its reason. */
  reasons: { materialId: string; reason: string }[];
}

export interface ActionInput {
  comment?: string;
  materialReasons?: { materialId: string; reason: string }[];
}

export type ActionProblem =
  | { kind: 'commentRequired' }
  | { kind: 'commentTooLong' }
  | { kind: 'reasonsRequired' }
  | { kind: 'tooManyReasons' }
  | { kind: 'reasonMissing'; materialId: string }
  | { kind: 'reasonTooLong'; materialId: string };

const length = (text: string) => [...text].length;

/**
 * The `input` for `actOnApplication`, checked as the server will check it: a comment when the
 * action requires one (optional otherwise, at most 500 characters), and for 补正 at least one
 * material, each with a reason of 1–200 characters.
 */
export function actionInput(
  action: Pick<WorkflowActionFields, 'commentRequired' | 'materialReasonsRequired'>,
  form: ActionForm,
): { ok: true; input: ActionInput | undefined } | { ok: false; problem: ActionProblem } {
  const comment = form.comment.trim();
  if (action.commentRequired && !comment) return { ok: false, problem: { kind: 'commentRequired' } };
  if (length(comment) > MAX_COMMENT) return { ok: false, problem: { kind: 'commentTooLong' } };

  const input: ActionInput = {};
  if (comment) input.comment = comment;

  if (action.materialReasonsRequired) {
    if (form.reasons.length === 0) return { ok: false, problem: { kind: 'reasonsRequired' } };
    if (form.reasons.length > MAX_MATERIAL_REASONS) return { ok: false, problem: { kind: 'tooManyReasons' } };
    const reasons: { materialId: string; reason: string }[] = [];
    for (const { materialId, reason } of form.reasons) {
      const text = reason.trim();
      if (!text) return { ok: false, problem: { kind: 'reasonMissing', materialId } };
      if (length(text) > MAX_MATERIAL_REASON)
        return { ok: false, problem: { kind: 'reasonTooLong', materialId } };
      reasons.push({ materialId, reason: text });
    }
    input.materialReasons = reasons;
  }
  return { ok: true, input: Object.keys(input).length > 0 ? input : undefined };
}

export const MIN_EXTENSION_DAYS = 1;
export const MAX_EXTENSION_DAYS = 10;
export const MAX_EXTENSION_REASON = 500;

export type ExtensionProblem = 'days' | 'reasonRequired' | 'reasonTooLong';

/** 延期: 1–10 working days and a reason of 1–500 characters. */
export function extensionRequest(
  workingDays: number | null,
  reason: string,
): { ok: true; workingDays: number; reason: string } | { ok: false; problem: ExtensionProblem } {
  if (
    workingDays === null ||
    !Number.isInteger(workingDays) ||
    workingDays < MIN_EXTENSION_DAYS ||
    workingDays > MAX_EXTENSION_DAYS
  ) {
    return { ok: false, problem: 'days' };
  }
  const text = reason.trim();
  if (!text) return { ok: false, problem: 'reasonRequired' };
  if (length(text) > MAX_EXTENSION_REASON) return { ok: false, problem: 'reasonTooLong' };
  return { ok: true, workingDays, reason: text };
}

/** A supervisor's decision on an extension: a comment is required to decline. */
export function extensionDecision(
  approve: boolean,
  comment: string,
): { ok: true; comment: string | undefined } | { ok: false; problem: 'commentRequired' | 'commentTooLong' } {
  const text = comment.trim();
  if (!approve && !text) return { ok: false, problem: 'commentRequired' };
  if (length(text) > MAX_COMMENT) return { ok: false, problem: 'commentTooLong' };
  return { ok: true, comment: text || undefined };
}
