import { z } from 'zod';
import type { Message } from '@bianmin/kit';

/** Who takes an action, in relation to one application. */
export const ACTORS = ['APPLICANT', 'STAFF', 'SUPERVISOR', 'SYSTEM'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * The statutory clock while an application is in a state: not yet started (before 受理), running,
 * stopped (挂起, 补正 — the time does not count), or ended (decided or closed).
 */
export const CLOCK_STATES = ['NOT_STARTED', 'RUNNING', 'STOPPED', 'ENDED'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** What an action does to the clock; effects that do not apply to the current clock are skipped. */
export const CLOCK_EFFECTS = ['START_CLOCK', 'STOP_CLOCK', 'RESUME_CLOCK', 'END_CLOCK'] as const;
export type ClockEffect = (typeof CLOCK_EFFECTS)[number];

/** Whose move it is in a state: the resident's, the department's, or nobody's (closed). */
export const WAITING_FOR = ['APPLICANT', 'DEPARTMENT', 'NOBODY'] as const;
export type WaitingFor = (typeof WAITING_FOR)[number];

/** An action's target meaning "back to the state the application came from" (after 补正 or 挂起). */
export const PREVIOUS = '$previous';

/** Limits on what a person sends with an action: a comment, and 补正 reasons. */
export const COMMENT_MAX = 500;
export const REASON_MAX = 200;
export const MATERIAL_REASONS_MAX = 20;
export const MATERIAL_ID_MAX = 64;

/** A state's name, e.g. `UNDER_REVIEW`. Plain strings: the states are data, not a TypeScript union. */
export type State = string;
/** An action's name, e.g. `requestCorrection`. */
export type Action = string;

// The limits match the columns that store them (application.state, application_event.action).
const STATE_NAME = /^[A-Z][A-Z0-9_]{0,23}$/;
const ACTION_NAME = /^[a-z][A-Za-z0-9]{0,31}$/;
const CODE = /^[a-z][a-z0-9-]{1,39}$/;
const MAX_STATES = 40;
const MAX_ACTIONS = 80;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

const label = (max: number) => z.object({ zh: text(max), en: text(max * 2) });

const stateName = z.string().regex(STATE_NAME, 'must be UPPER_SNAKE_CASE, at most 24 characters');
const actionName = z.string().regex(ACTION_NAME, 'must be camelCase, at most 32 characters');

export const stateSpecSchema = z.object({
  label: label(20),
  clock: z.enum(CLOCK_STATES),
  final: z.boolean(),
  /** How many working days an application may stay in this state (e.g. 2 for 受理时限). */
  slaWorkingDays: z.number().int().min(1).max(365).optional(),
  waitingFor: z.enum(WAITING_FOR),
});
export type StateSpec = z.infer<typeof stateSpecSchema>;

export const actionSpecSchema = z.object({
  label: label(20),
  from: z.array(stateName).min(1).max(MAX_STATES),
  to: z.union([z.literal(PREVIOUS), stateName]),
  actors: z.array(z.enum(ACTORS)).min(1).max(ACTORS.length),
  comment: z.enum(['REQUIRED', 'OPTIONAL', 'NONE']),
  /** 补正: the action needs a reason per material sent back. */
  materialReasons: z.literal('REQUIRED').optional(),
  /** Applied in order, e.g.秒批 starts and ends the clock at once. */
  effects: z.array(z.enum(CLOCK_EFFECTS)).max(CLOCK_EFFECTS.length).optional(),
});
export type ActionSpec = z.infer<typeof actionSpecSchema>;

const bounded = (max: number) => (record: Record<string, unknown>) => Object.keys(record).length <= max;

/** A workflow definition: states, actions between them, who may take each, and the SLA. */
export const workflowSpecSchema = z.object({
  code: z.string().regex(CODE, 'must be lower-case letters, digits and dashes, 2–40 characters'),
  version: z.number().int().min(1),
  name: label(50),
  initialState: stateName,
  states: z
    .record(stateName, stateSpecSchema)
    .refine(bounded(MAX_STATES), `must have at most ${MAX_STATES} states`),
  actions: z
    .record(actionName, actionSpecSchema)
    .refine(bounded(MAX_ACTIONS), `must have at most ${MAX_ACTIONS} actions`),
  /** 延期: granted once per application, bounded, approved by these actors. */
  extension: z.object({
    maxWorkingDays: z.number().int().min(1).max(60),
    approvers: z.array(z.enum(ACTORS)).min(1).max(ACTORS.length),
  }),
});
export type WorkflowSpec = z.infer<typeof workflowSpecSchema>;

export type SpecProblemCode =
  | 'INVALID_SHAPE'
  | 'UNKNOWN_STATE'
  | 'INITIAL_STATE'
  | 'FINAL_STATE_HAS_ACTIONS'
  | 'FINAL_STATE_OPEN'
  | 'UNREACHABLE_STATE'
  | 'DEAD_END'
  | 'PREVIOUS_NOT_ALLOWED'
  | 'CLOCK_MISMATCH'
  | 'DUPLICATE';

/** One thing wrong with a definition; `path` points into the spec (`actions.approve.from`). */
export interface SpecProblem {
  code: SpecProblemCode;
  path: string;
  message: Message;
}

/**
 * The clock after `effects`, each applied only where it makes sense: START only before the clock
 * started, STOP only while it runs, RESUME only while it is stopped, END unless already ended.
 * So one definition serves 补正 before 受理 (nothing to stop) and after (the clock stops).
 */
export function applyClockEffects(
  clock: ClockState,
  effects: readonly ClockEffect[],
): { clock: ClockState; applied: ClockEffect[] } {
  let current = clock;
  const applied: ClockEffect[] = [];
  for (const effect of effects) {
    const next = CLOCK_TRANSITIONS[effect][current];
    if (next) {
      current = next;
      applied.push(effect);
    }
  }
  return { clock: current, applied };
}

const CLOCK_TRANSITIONS: Record<ClockEffect, Partial<Record<ClockState, ClockState>>> = {
  START_CLOCK: { NOT_STARTED: 'RUNNING' },
  STOP_CLOCK: { RUNNING: 'STOPPED' },
  RESUME_CLOCK: { STOPPED: 'RUNNING' },
  END_CLOCK: { NOT_STARTED: 'ENDED', RUNNING: 'ENDED', STOPPED: 'ENDED' },
};

/**
 * For each state, the states that enter it through an action with a fixed target — where a
 * `$previous` action leaving it may lead.
 */
export function enteredFrom(spec: WorkflowSpec): Map<State, Set<State>> {
  const entered = new Map<State, Set<State>>();
  for (const action of Object.values(spec.actions)) {
    if (action.to === PREVIOUS) continue;
    const sources = entered.get(action.to) ?? new Set<State>();
    for (const from of action.from) if (from !== action.to) sources.add(from);
    entered.set(action.to, sources);
  }
  return entered;
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * What is wrong with a definition beyond its shape (an empty list means it can be published):
 * every state referred to exists; the initial state exists, is not final and has not started the
 * clock; final states have no outgoing actions, wait for nobody and have ended the clock; every
 * non-final state is reachable from the initial state and can reach a final state; `$previous`
 * leaves only states entered from more than one state; an action's clock effects lead to its
 * target state's clock; no list repeats an entry.
 */
export function checkSpec(spec: WorkflowSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const problem = (code: SpecProblemCode, path: string, zh: string, en: string) =>
    problems.push({ code, path, message: { zh, en } });
  const states = spec.states;
  const exists = (s: State) => Object.hasOwn(states, s);

  if (!exists(spec.initialState)) {
    problem(
      'UNKNOWN_STATE',
      'initialState',
      `初始状态 ${spec.initialState} 未定义`,
      `The initial state ${spec.initialState} is not defined.`,
    );
  } else {
    const initial = states[spec.initialState]!;
    if (initial.final || initial.clock !== 'NOT_STARTED') {
      problem(
        'INITIAL_STATE',
        'initialState',
        `初始状态 ${spec.initialState} 不能是终态，且不能已开始计时`,
        `The initial state ${spec.initialState} must not be final and its clock must not have started.`,
      );
    }
  }

  for (const [name, state] of Object.entries(states)) {
    if (state.final && (state.clock !== 'ENDED' || state.waitingFor !== 'NOBODY')) {
      problem(
        'FINAL_STATE_OPEN',
        `states.${name}`,
        `终态 ${name} 的计时须为 ENDED，且不等待任何人`,
        `The final state ${name} must have clock ENDED and wait for NOBODY.`,
      );
    }
  }

  for (const [name, action] of Object.entries(spec.actions)) {
    const path = `actions.${name}`;
    for (const [field, list] of [
      ['from', action.from],
      ['actors', action.actors],
      ['effects', action.effects ?? []],
    ] as const) {
      const repeated = duplicates(list);
      if (repeated.length) {
        problem(
          'DUPLICATE',
          `${path}.${field}`,
          `操作 ${name} 的 ${field} 重复列出了 ${repeated.join('、')}`,
          `Action ${name} lists ${repeated.join(', ')} more than once in ${field}.`,
        );
      }
    }
    for (const from of action.from) {
      if (!exists(from)) {
        problem(
          'UNKNOWN_STATE',
          `${path}.from`,
          `操作 ${name} 的起始状态 ${from} 未定义`,
          `Action ${name} starts from ${from}, which is not defined.`,
        );
      } else if (states[from]!.final) {
        problem(
          'FINAL_STATE_HAS_ACTIONS',
          `${path}.from`,
          `终态 ${from} 不能再有操作（${name}）`,
          `The final state ${from} must not have outgoing actions (${name}).`,
        );
      }
    }
    if (action.to !== PREVIOUS && !exists(action.to)) {
      problem(
        'UNKNOWN_STATE',
        `${path}.to`,
        `操作 ${name} 的目标状态 ${action.to} 未定义`,
        `Action ${name} leads to ${action.to}, which is not defined.`,
      );
    }
  }
  // The graph checks below need every referenced state to exist.
  if (problems.some((p) => p.code === 'UNKNOWN_STATE')) return problems;

  const entered = enteredFrom(spec);
  for (const [name, action] of Object.entries(spec.actions)) {
    if (action.to !== PREVIOUS) continue;
    for (const from of action.from) {
      if ((entered.get(from)?.size ?? 0) < 2) {
        problem(
          'PREVIOUS_NOT_ALLOWED',
          `actions.${name}.to`,
          `操作 ${name} 只能从有多个来源的状态返回原状态，而 ${from} 不是`,
          `Action ${name} returns to the previous state, but ${from} is not entered from more than one state.`,
        );
      }
    }
  }

  checkClocks(spec, problem);
  checkGraph(spec, entered, problem);
  return problems;
}

type Report = (code: SpecProblemCode, path: string, zh: string, en: string) => void;

/**
 * An action's effects, applied to the clock of each state it leaves, must give the clock of the
 * state it enters. A stopped state may also be entered before the clock started (补正 before 受理):
 * the clock does not count in either case.
 */
function checkClocks(spec: WorkflowSpec, problem: Report) {
  for (const [name, action] of Object.entries(spec.actions)) {
    if (action.to === PREVIOUS) continue;
    const target = spec.states[action.to]!.clock;
    // Actions from final states are already refused; their clock would only add noise.
    for (const from of action.from.filter((s) => !spec.states[s]!.final)) {
      const { clock } = applyClockEffects(spec.states[from]!.clock, action.effects ?? []);
      const fits = clock === target || (target === 'STOPPED' && clock === 'NOT_STARTED');
      if (!fits) {
        problem(
          'CLOCK_MISMATCH',
          `actions.${name}.effects`,
          `操作 ${name} 从 ${from}（计时 ${spec.states[from]!.clock}）到 ${action.to} 后计时为 ${clock}，但 ${action.to} 要求 ${target}`,
          `Action ${name} from ${from} (clock ${spec.states[from]!.clock}) leaves the clock ${clock}, but ${action.to} expects ${target}.`,
        );
      }
    }
  }
}

/**
 * Every non-final state is reachable from the initial state, and from wherever it is reached a
 * final state can be reached. Walks (state, previous state) pairs, because where `$previous` leads
 * depends on how the application got there: 补正 from review can only return to review if review
 * itself can be reached.
 */
function checkGraph(spec: WorkflowSpec, entered: Map<State, Set<State>>, problem: Report) {
  type Node = { state: State; previous: State | null };
  const key = (n: Node) => `${n.state} ${n.previous ?? ''}`;
  const successors = (n: Node): Node[] =>
    Object.values(spec.actions)
      .filter((a) => a.from.includes(n.state))
      .flatMap((a) => {
        if (a.to !== PREVIOUS) return [{ state: a.to, previous: n.state }];
        return n.previous && entered.get(n.state)?.has(n.previous)
          ? [{ state: n.previous, previous: n.state }]
          : [];
      });

  const nodes = new Map<string, Node>();
  const edges = new Map<string, string[]>();
  const start: Node = { state: spec.initialState, previous: null };
  nodes.set(key(start), start);
  for (const queue = [start]; queue.length;) {
    const node = queue.shift()!;
    const next = successors(node);
    edges.set(key(node), next.map(key));
    for (const n of next) {
      if (!nodes.has(key(n))) {
        nodes.set(key(n), n);
        queue.push(n);
      }
    }
  }
  const reversed = new Map<string, string[]>();
  for (const [from, targets] of edges) {
    for (const to of targets) reversed.set(to, [...(reversed.get(to) ?? []), from]);
  }
  const finished = [...nodes.keys()].filter((k) => spec.states[nodes.get(k)!.state]!.final);
  const canFinish = closure(finished, (k) => reversed.get(k) ?? []);

  for (const [name, state] of Object.entries(spec.states)) {
    if (state.final) continue;
    const reached = [...nodes.entries()].filter(([, n]) => n.state === name);
    if (!reached.length) {
      problem(
        'UNREACHABLE_STATE',
        `states.${name}`,
        `状态 ${name} 无法从初始状态 ${spec.initialState} 到达`,
        `The state ${name} cannot be reached from the initial state ${spec.initialState}.`,
      );
    } else if (reached.some(([k]) => !canFinish.has(k))) {
      problem(
        'DEAD_END',
        `states.${name}`,
        `状态 ${name} 无法到达任何终态，办件会卡在这里`,
        `No final state can be reached from ${name}: applications would be stuck there.`,
      );
    }
  }
}

function closure(start: string[], neighbours: (s: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const n of neighbours(s)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/**
 * Parse an untrusted definition (an administrator's, or one read back from storage) and check it:
 * the spec, or every problem found — shape problems first, since the graph cannot be checked
 * without a shape.
 */
export function parseSpec(
  raw: unknown,
): { ok: true; spec: WorkflowSpec } | { ok: false; problems: SpecProblem[] } {
  const parsed = workflowSpecSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        return {
          code: 'INVALID_SHAPE' as const,
          path,
          message: {
            zh: `${path || '定义'} 不正确：${issue.message}`,
            en: `${path || 'definition'}: ${issue.message}`,
          },
        };
      }),
    };
  }
  const problems = checkSpec(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, spec: parsed.data };
}
