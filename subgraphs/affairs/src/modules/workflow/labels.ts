import { pick, type Locale, type Message } from '@bianmin/kit';
import type { Action, Actor, State, WorkflowSpec } from './workflow-spec.js';

const ACTOR_LABELS: Record<Actor, Message> = {
  APPLICANT: { zh: '申请人', en: 'the applicant' },
  STAFF: { zh: '经办人员', en: 'department staff' },
  SUPERVISOR: { zh: '审批负责人', en: 'a supervisor' },
  SYSTEM: { zh: '系统', en: 'the system' },
};

/** An action's label in the viewer's language (`受理`); the bare name if the definition lacks it. */
export function describeAction(spec: WorkflowSpec, action: Action, locale: Locale): string {
  const known = Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
  return known ? pick(locale, known.label) : action;
}

/** A state's label in the viewer's language (`已受理`); the bare name if the definition lacks it. */
export function stateLabel(spec: WorkflowSpec, state: State, locale: Locale): string {
  const known = Object.hasOwn(spec.states, state) ? spec.states[state] : undefined;
  return known ? pick(locale, known.label) : state;
}

/** Who an actor is, in words (`经办人员`). */
export function actorLabel(actor: Actor, locale: Locale): string {
  return pick(locale, ACTOR_LABELS[actor]);
}
