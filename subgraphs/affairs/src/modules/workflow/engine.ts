import {
  applyClockEffects,
  COMMENT_MAX,
  enteredFrom,
  MATERIAL_ID_MAX,
  MATERIAL_REASONS_MAX,
  PREVIOUS,
  REASON_MAX,
  type Action,
  type Actor,
  type ClockEffect,
  type ClockState,
  type State,
  type WorkflowSpec,
} from './workflow-spec.js';

export { actorLabel, describeAction, stateLabel } from './labels.js';
export { extensionRefusalMessage, refusalFailure, refusalMessage } from './messages.js';

/** Where an application stands in its workflow: what the engine needs to know about it. */
export interface Position {
  state: State;
  /** Where a `$previous` action leads back to: the state the application left last. */
  previousState?: State | null;
  /**
   * The clock as stored. Without it, the state's clock is used — except in a stopped state entered
   * before the clock started (补正 before 受理), where the clock has not started.
   */
  clock?: ClockState;
}

/** 补正: which material is sent back and why. */
export interface MaterialReason {
  materialId: string;
  reason: string;
}

/** What the caller sends with an action. Unchecked: the engine checks it. */
export interface ActionInput {
  comment?: unknown;
  materialReasons?: unknown;
}

export interface ActionOptions {
  /** The application's material ids; when given, 补正 reasons must name one of them. */
  materialIds?: readonly string[];
}

/** An action the engine allows, with everything the caller must store. */
export interface Transition {
  ok: true;
  action: Action;
  from: State;
  to: State;
  /** Store this as the application's `previousState`: it is where a later `$previous` leads. */
  previousState: State;
  /** The clock after the action. */
  clock: ClockState;
  /** The effects that applied, in order (START_CLOCK: record 受理 time; STOP/RESUME: a pause; END: decided). */
  clockEffects: ClockEffect[];
  /** The capacity the caller acted in, for the history (the most senior the action allows). */
  actingAs: Actor;
  /** The comment trimmed, or null. */
  comment: string | null;
  /** The reasons trimmed; empty unless the action asks for them. */
  materialReasons: MaterialReason[];
}

export type InputProblem =
  | 'REQUIRED'
  | 'NOT_EXPECTED'
  | 'TOO_LONG'
  | 'CONTROL_CHARACTERS'
  | 'TOO_MANY'
  | 'DUPLICATE'
  | 'UNKNOWN_MATERIAL'
  | 'INVALID';

/** Why the engine refused an action. Nothing has changed; `messages.ts` words it for people. */
export type Refusal =
  | {
      ok: false;
      code: 'INVALID_TRANSITION';
      action: Action;
      state: State;
      /** What this caller can do from this state instead, in the definition's order. */
      allowed: Action[];
    }
  | { ok: false; code: 'FORBIDDEN'; action: Action; allowedActors: Actor[] }
  | {
      ok: false;
      code: 'BAD_USER_INPUT';
      action: Action;
      field: 'comment' | 'materialReasons';
      problem: InputProblem;
      /** For a problem with one material reason: its index in the list. */
      index?: number;
    };

// The most senior capacity first: a supervisor approving acts as supervisor, not as staff.
const SENIORITY: Actor[] = ['SYSTEM', 'SUPERVISOR', 'STAFF', 'APPLICANT'];

function stateOf(spec: WorkflowSpec, state: State) {
  const found = Object.hasOwn(spec.states, state) ? spec.states[state] : undefined;
  // A stored state the definition does not know is corrupt data (applications keep the exact
  // definition version they started with), not a caller's mistake.
  if (!found) throw new Error(`workflow ${spec.code} v${spec.version} has no state ${state}`);
  return found;
}

/**
 * The clock of an application at `position` when it was not stored: the state's clock, except in
 * a stopped state entered from a state whose clock had not started (补正 before 受理).
 */
export function clockOf(spec: WorkflowSpec, position: Position): ClockState {
  if (position.clock) return position.clock;
  const clock = stateOf(spec, position.state).clock;
  const previous = position.previousState;
  if (clock === 'STOPPED' && previous && Object.hasOwn(spec.states, previous)) {
    if (spec.states[previous]!.clock === 'NOT_STARTED') return 'NOT_STARTED';
  }
  return clock;
}

/**
 * The actions a caller acting as `actors` may take now, in the definition's order — the buttons
 * the UI shows. The caller must pass only the capacities the viewer really holds for this
 * application (APPLICANT: it is theirs; STAFF/SUPERVISOR: of the handling department).
 */
export function availableActions(spec: WorkflowSpec, position: Position, actors: readonly Actor[]): Action[] {
  stateOf(spec, position.state);
  return Object.entries(spec.actions)
    .filter(([, a]) => a.from.includes(position.state) && a.actors.some((actor) => actors.includes(actor)))
    .map(([name]) => name);
}

/**
 * Decide whether a caller acting as `actors` may take `action` from `position` with `input`, and
 * what follows: the target state (resolving `$previous`), what to store as the previous state, the
 * clock and its effects, the normalised comment and reasons. Checks, in order: the action exists
 * (else INVALID_TRANSITION), the caller may ever take it (else FORBIDDEN), it is possible from this
 * state (else INVALID_TRANSITION listing what the caller can do), and the input (BAD_USER_INPUT).
 * Pure: the caller writes the result, under its own optimistic lock.
 */
export function applyAction(
  spec: WorkflowSpec,
  position: Position,
  action: Action,
  actors: readonly Actor[],
  input: ActionInput = {},
  options: ActionOptions = {},
): Transition | Refusal {
  stateOf(spec, position.state);
  const invalid = (): Refusal => ({
    ok: false,
    code: 'INVALID_TRANSITION',
    action,
    state: position.state,
    allowed: availableActions(spec, position, actors),
  });
  const definition = Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
  if (!definition) return invalid();
  const actingAs = SENIORITY.find((actor) => actors.includes(actor) && definition.actors.includes(actor));
  if (!actingAs) return { ok: false, code: 'FORBIDDEN', action, allowedActors: [...definition.actors] };
  if (!definition.from.includes(position.state)) return invalid();

  const to = definition.to === PREVIOUS ? previousOf(spec, position) : definition.to;

  const comment = checkComment(input.comment, definition.comment);
  if (typeof comment !== 'string' && comment !== null) {
    return { ok: false, code: 'BAD_USER_INPUT', action, field: 'comment', ...comment };
  }
  const reasons = checkMaterialReasons(
    input.materialReasons,
    definition.materialReasons === 'REQUIRED',
    options,
  );
  if (!Array.isArray(reasons)) {
    return { ok: false, code: 'BAD_USER_INPUT', action, field: 'materialReasons', ...reasons };
  }

  const { clock, applied } = applyClockEffects(clockOf(spec, position), definition.effects ?? []);
  return {
    ok: true,
    action,
    from: position.state,
    to,
    previousState: position.state,
    clock,
    clockEffects: applied,
    actingAs,
    comment,
    materialReasons: reasons,
  };
}

/** Where `$previous` leads: the stored previous state, which must be one that enters this state. */
function previousOf(spec: WorkflowSpec, position: Position): State {
  const previous = position.previousState;
  if (!previous || !enteredFrom(spec).get(position.state)?.has(previous)) {
    // Only the engine writes previousState, so this is corrupt data, not a caller's mistake.
    throw new Error(
      `workflow ${spec.code} v${spec.version}: cannot return from ${position.state} to previous state ${previous ?? '(none)'}`,
    );
  }
  return previous;
}

type Problem = { problem: InputProblem; index?: number };

// Control characters; a comment may keep its line breaks (a 补正 notice or a decision is often
// several lines), a material id or reason may not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** Length in characters as people count them (an emoji is one), not UTF-16 units. */
const length = (s: string) => [...s].length;

/** The comment trimmed (null when absent or blank), or what is wrong with it. */
function checkComment(raw: unknown, rule: 'REQUIRED' | 'OPTIONAL' | 'NONE'): string | null | Problem {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { problem: 'INVALID' };
  const comment = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
  if (!comment) return rule === 'REQUIRED' ? { problem: 'REQUIRED' } : null;
  // Refused rather than dropped: the person typed it expecting it to be kept.
  if (rule === 'NONE') return { problem: 'NOT_EXPECTED' };
  if (CONTROL_EXCEPT_NEWLINE.test(comment)) return { problem: 'CONTROL_CHARACTERS' };
  if (length(comment) > COMMENT_MAX) return { problem: 'TOO_LONG' };
  return comment;
}

/** The reasons trimmed, or what is wrong with them. */
function checkMaterialReasons(
  raw: unknown,
  required: boolean,
  options: ActionOptions,
): MaterialReason[] | Problem {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    return required ? { problem: 'REQUIRED' } : [];
  }
  if (!required) return { problem: 'NOT_EXPECTED' };
  if (!Array.isArray(raw)) return { problem: 'INVALID' };
  if (raw.length > MATERIAL_REASONS_MAX) return { problem: 'TOO_MANY' };
  const reasons: MaterialReason[] = [];
  for (const [index, entry] of raw.entries()) {
    const { materialId, reason } = (entry ?? {}) as { materialId?: unknown; reason?: unknown };
    if (typeof materialId !== 'string' || typeof reason !== 'string') return { problem: 'INVALID', index };
    const id = materialId.trim();
    if (!id || length(id) > MATERIAL_ID_MAX || CONTROL.test(id)) return { problem: 'INVALID', index };
    if (options.materialIds && !options.materialIds.includes(id))
      return { problem: 'UNKNOWN_MATERIAL', index };
    if (reasons.some((r) => r.materialId === id)) return { problem: 'DUPLICATE', index };
    const text = reason.trim();
    if (!text) return { problem: 'REQUIRED', index };
    if (CONTROL.test(text)) return { problem: 'CONTROL_CHARACTERS', index };
    if (length(text) > REASON_MAX) return { problem: 'TOO_LONG', index };
    reasons.push({ materialId: id, reason: text });
  }
  return reasons;
}

/** A 延期 the engine allows: the days and reason to store. */
export interface ExtensionGrant {
  ok: true;
  workingDays: number;
  reason: string;
  actingAs: Actor;
}

export type ExtensionRefusal =
  | { ok: false; code: 'FORBIDDEN'; allowedActors: Actor[] }
  | {
      ok: false;
      code: 'NOT_EXTENDABLE';
      why: 'ALREADY_EXTENDED' | 'CLOCK_NOT_RUNNING';
      maxWorkingDays: number;
    }
  | {
      ok: false;
      code: 'BAD_USER_INPUT';
      field: 'workingDays' | 'reason';
      problem: InputProblem | 'OUT_OF_RANGE';
      maxWorkingDays: number;
    };

/**
 * Whether a caller acting as `actors` may grant a 延期 of `workingDays` with `reason`: only the
 * definition's approvers, once per application, while the clock runs or is stopped (not before 受理,
 * not after a decision), for 1 to `extension.maxWorkingDays` whole working days, with a reason.
 */
export function checkExtension(
  spec: WorkflowSpec,
  application: { clock: ClockState; extended: boolean },
  request: { workingDays: unknown; reason: unknown },
  actors: readonly Actor[],
): ExtensionGrant | ExtensionRefusal {
  const max = spec.extension.maxWorkingDays;
  const actingAs = SENIORITY.find(
    (actor) => actors.includes(actor) && spec.extension.approvers.includes(actor),
  );
  if (!actingAs) return { ok: false, code: 'FORBIDDEN', allowedActors: [...spec.extension.approvers] };
  if (application.extended) {
    return { ok: false, code: 'NOT_EXTENDABLE', why: 'ALREADY_EXTENDED', maxWorkingDays: max };
  }
  if (application.clock !== 'RUNNING' && application.clock !== 'STOPPED') {
    return { ok: false, code: 'NOT_EXTENDABLE', why: 'CLOCK_NOT_RUNNING', maxWorkingDays: max };
  }
  const days = request.workingDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > max) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'workingDays',
      problem: 'OUT_OF_RANGE',
      maxWorkingDays: max,
    };
  }
  const reason = checkComment(request.reason, 'REQUIRED');
  if (typeof reason !== 'string') {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'reason',
      problem: reason?.problem ?? 'REQUIRED',
      maxWorkingDays: max,
    };
  }
  return { ok: true, workingDays: days, reason, actingAs };
}
