import { describe, expect, it } from 'vitest';
import { standardWorkflow } from './definitions/standard.js';
import { twoLevelReviewWorkflow } from './definitions/two-level-review.js';
import { applyClockEffects, checkSpec, parseSpec, type WorkflowSpec } from './workflow-spec.js';

/** An editable copy of the standard definition. */
const copy = (spec: WorkflowSpec = standardWorkflow): WorkflowSpec => structuredClone(spec);
const codes = (spec: WorkflowSpec) => checkSpec(spec).map((p) => `${p.code} ${p.path}`);

describe('the built-in definitions', () => {
  it.each([standardWorkflow, twoLevelReviewWorkflow])(
    '$code passes checkSpec and parses unchanged',
    (spec) => {
      expect(checkSpec(spec)).toEqual([]);
      expect(parseSpec(structuredClone(spec))).toEqual({ ok: true, spec });
    },
  );

  it('two-level review is the standard plus 复核, not a rewrite', () => {
    const extraStates = Object.keys(twoLevelReviewWorkflow.states).filter(
      (s) => !(s in standardWorkflow.states),
    );
    const extraActions = Object.keys(twoLevelReviewWorkflow.actions).filter(
      (a) => !(a in standardWorkflow.actions),
    );
    expect(extraStates).toEqual(['SECOND_REVIEW']);
    expect(extraActions).toEqual(['recommend', 'sendBack']);
    expect(twoLevelReviewWorkflow.actions.approve).toMatchObject({
      from: ['SECOND_REVIEW'],
      actors: ['SUPERVISOR'],
    });
    expect(twoLevelReviewWorkflow.actions.reject).toMatchObject({
      from: ['SECOND_REVIEW'],
      actors: ['SUPERVISOR'],
    });
    expect(twoLevelReviewWorkflow.actions.suspend!.from).toContain('SECOND_REVIEW');
    // Deriving it left the standard definition as it was.
    expect(standardWorkflow.actions.approve).toMatchObject({
      from: ['UNDER_REVIEW'],
      actors: ['STAFF', 'SUPERVISOR'],
    });
  });

  it('the built-in definitions cannot be changed by accident', () => {
    expect(() => {
      (standardWorkflow.actions.approve!.from as string[]).push('DRAFT');
    }).toThrow(TypeError);
    expect(standardWorkflow.actions.approve!.from).toEqual(['UNDER_REVIEW']);
  });
});

describe('checkSpec refuses broken definitions', () => {
  it('an action from or to an unknown state', () => {
    const spec = copy();
    spec.actions.approve!.from = ['UNDER_REVEIW'];
    spec.actions.complete!.to = 'DONE';
    expect(codes(spec)).toEqual(['UNKNOWN_STATE actions.approve.from', 'UNKNOWN_STATE actions.complete.to']);
  });

  it('an unknown initial state', () => {
    const spec = copy();
    spec.initialState = 'START';
    expect(codes(spec)).toEqual(['UNKNOWN_STATE initialState']);
  });

  it('an initial state that is final or has started the clock', () => {
    const spec = copy();
    spec.initialState = 'ACCEPTED';
    expect(codes(spec)).toContain('INITIAL_STATE initialState');
  });

  it('an unreachable state', () => {
    const spec = copy();
    spec.states.ARCHIVED_REVIEW = { ...spec.states.UNDER_REVIEW! };
    spec.actions.closeArchived = { ...spec.actions.approve!, from: ['ARCHIVED_REVIEW'] };
    expect(codes(spec)).toEqual(['UNREACHABLE_STATE states.ARCHIVED_REVIEW']);
  });

  it('a state from which no final state can be reached', () => {
    const spec = copy();
    // 待会商: entered from review, but nothing leads out of it — applications would be stuck.
    spec.states.CONSULTING = { ...spec.states.UNDER_REVIEW!, label: { zh: '待会商', en: 'In consultation' } };
    spec.actions.consult = { ...spec.actions.startReview!, from: ['UNDER_REVIEW'], to: 'CONSULTING' };
    expect(codes(spec)).toEqual(['DEAD_END states.CONSULTING']);
  });

  it('a state that only a removed action led to or from', () => {
    const spec = copy();
    delete spec.actions.startReview;
    // UNDER_REVIEW cannot be entered; APPROVED and REJECTED are final, so only the former is a problem.
    expect(codes(spec)).toEqual(['UNREACHABLE_STATE states.UNDER_REVIEW']);
  });

  it('a final state with an outgoing action', () => {
    const spec = copy();
    spec.actions.reopen = { ...spec.actions.startReview!, from: ['COMPLETED'] };
    expect(codes(spec)).toEqual(['FINAL_STATE_HAS_ACTIONS actions.reopen.from']);
  });

  it('a final state that still waits for someone or has a running clock', () => {
    const spec = copy();
    spec.states.COMPLETED = { ...spec.states.COMPLETED!, waitingFor: 'DEPARTMENT' };
    expect(codes(spec)).toEqual(['FINAL_STATE_OPEN states.COMPLETED']);
  });

  it('$previous from a state entered from only one state', () => {
    const spec = copy();
    spec.actions.backToAccepted = { ...spec.actions.resume!, from: ['UNDER_REVIEW'] };
    expect(codes(spec)).toEqual(['PREVIOUS_NOT_ALLOWED actions.backToAccepted.to']);
  });

  it('effects that do not lead to the target state’s clock', () => {
    const spec = copy();
    spec.actions.accept!.effects = [];
    spec.actions.suspend!.effects = [];
    expect(codes(spec)).toEqual([
      'CLOCK_MISMATCH actions.accept.effects',
      'CLOCK_MISMATCH actions.suspend.effects',
      'CLOCK_MISMATCH actions.suspend.effects',
    ]);
  });

  it('a list that repeats an entry', () => {
    const spec = copy();
    spec.actions.accept!.actors = ['STAFF', 'STAFF'];
    expect(codes(spec)).toEqual(['DUPLICATE actions.accept.actors']);
  });

  it('says what is wrong in both languages', () => {
    const spec = copy();
    spec.actions.complete!.to = 'DONE';
    expect(checkSpec(spec)[0]!.message).toEqual({
      zh: '操作 complete 的目标状态 DONE 未定义',
      en: 'Action complete leads to DONE, which is not defined.',
    });
  });
});

describe('parseSpec checks the shape first', () => {
  it.each([
    ['a lower-case state name', (s: WorkflowSpec) => (s.states.draft = s.states.DRAFT!), 'states.draft'],
    [
      'an unknown actor',
      (s: WorkflowSpec) => (s.actions.accept!.actors = ['CLERK' as never]),
      'actions.accept.actors.0',
    ],
    ['an empty label', (s: WorkflowSpec) => (s.states.DRAFT!.label.zh = '  '), 'states.DRAFT.label.zh'],
    [
      'a negative SLA',
      (s: WorkflowSpec) => (s.states.SUBMITTED!.slaWorkingDays = -1),
      'states.SUBMITTED.slaWorkingDays',
    ],
    [
      'an unbounded extension',
      (s: WorkflowSpec) => (s.extension.maxWorkingDays = 365),
      'extension.maxWorkingDays',
    ],
    ['a bad code', (s: WorkflowSpec) => (s.code = 'Standard Flow'), 'code'],
  ])('refuses %s, naming the path', (_what, edit, path) => {
    const spec = copy();
    edit(spec);
    const result = parseSpec(spec);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ code: 'INVALID_SHAPE', path });
  });

  it('refuses what is not a definition at all', () => {
    expect(parseSpec(null)).toMatchObject({ ok: false, problems: [{ code: 'INVALID_SHAPE' }] });
    expect(parseSpec('standard')).toMatchObject({ ok: false });
  });

  it('passes a well-shaped but broken graph on to checkSpec', () => {
    const spec = copy();
    spec.actions.reopen = { ...spec.actions.startReview!, from: ['COMPLETED'] };
    expect(parseSpec(spec)).toMatchObject({ ok: false, problems: [{ code: 'FINAL_STATE_HAS_ACTIONS' }] });
  });
});

describe('applyClockEffects', () => {
  it.each([
    ['NOT_STARTED', ['START_CLOCK'], 'RUNNING', ['START_CLOCK']],
    ['NOT_STARTED', ['START_CLOCK', 'END_CLOCK'], 'ENDED', ['START_CLOCK', 'END_CLOCK']],
    ['RUNNING', ['STOP_CLOCK'], 'STOPPED', ['STOP_CLOCK']],
    // 补正 before 受理: nothing to stop, and later nothing to resume.
    ['NOT_STARTED', ['STOP_CLOCK'], 'NOT_STARTED', []],
    ['NOT_STARTED', ['RESUME_CLOCK'], 'NOT_STARTED', []],
    ['STOPPED', ['RESUME_CLOCK'], 'RUNNING', ['RESUME_CLOCK']],
    ['STOPPED', ['END_CLOCK'], 'ENDED', ['END_CLOCK']],
    ['ENDED', ['END_CLOCK'], 'ENDED', []],
    ['RUNNING', ['START_CLOCK'], 'RUNNING', []],
  ] as const)('%s with %j → %s, applying %j', (clock, effects, after, applied) => {
    expect(applyClockEffects(clock, effects)).toEqual({ clock: after, applied });
  });
});
