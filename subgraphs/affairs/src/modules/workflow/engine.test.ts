import { describe, expect, it } from 'vitest';
import { standardWorkflow as standard } from './definitions/standard.js';
import { twoLevelReviewWorkflow as twoLevel } from './definitions/two-level-review.js';
import {
  applyAction,
  availableActions,
  checkExtension,
  clockOf,
  describeAction,
  extensionRefusalMessage,
  refusalFailure,
  refusalMessage,
  stateLabel,
  type ActionInput,
  type Position,
  type Refusal,
  type Transition,
} from './engine.js';
import type { Actor, ClockState, WorkflowSpec } from './workflow-spec.js';

const APPLICANT: Actor[] = ['APPLICANT'];
const STAFF: Actor[] = ['STAFF'];
const SUPERVISOR: Actor[] = ['SUPERVISOR'];
const SYSTEM: Actor[] = ['SYSTEM'];

const REASONS = { materialReasons: [{ materialId: 'm1', reason: '身份证复印件不清晰，请重新上传' }] };

type Step = [action: string, actors: Actor[], input?: ActionInput];

const fresh = (spec: WorkflowSpec): Required<Position> => ({
  state: spec.initialState,
  previousState: null,
  clock: 'NOT_STARTED',
});

/** Take the steps one by one as an application would, storing what the engine says to store. */
function walk(spec: WorkflowSpec, steps: Step[], start: Required<Position> = fresh(spec)) {
  let position = start;
  const trail: string[] = [position.state];
  const transitions: Transition[] = [];
  for (const [action, actors, input] of steps) {
    const result = applyAction(spec, position, action, actors, input);
    if (!result.ok) throw new Error(`${action} refused: ${refusalMessage(spec, result, 'en')}`);
    transitions.push(result);
    position = { state: result.to, previousState: result.previousState, clock: result.clock };
    trail.push(`${result.to}:${result.clock}`);
  }
  return { position, trail, transitions };
}

const refused = (result: Transition | Refusal): Refusal => {
  if (result.ok) throw new Error(`expected a refusal, got ${result.to}`);
  return result;
};

describe('happy paths through the standard definition', () => {
  it('submit → 受理 → 审查 → 审批通过 → 办结, with the clock started at 受理 and ended at the decision', () => {
    const { trail, transitions } = walk(standard, [
      ['submit', APPLICANT],
      ['accept', STAFF, { comment: '材料齐全，予以受理' }],
      ['startReview', STAFF],
      ['approve', SUPERVISOR, { comment: '符合条件，准予许可' }],
      ['complete', STAFF],
    ]);
    expect(trail).toEqual([
      'DRAFT',
      'SUBMITTED:NOT_STARTED',
      'ACCEPTED:RUNNING',
      'UNDER_REVIEW:RUNNING',
      'APPROVED:ENDED',
      'COMPLETED:ENDED',
    ]);
    expect(transitions.map((t) => t.clockEffects)).toEqual([[], ['START_CLOCK'], [], ['END_CLOCK'], []]);
    expect(transitions[1]).toMatchObject({
      comment: '材料齐全，予以受理',
      actingAs: 'STAFF',
      materialReasons: [],
    });
    expect(transitions[3]).toMatchObject({
      actingAs: 'SUPERVISOR',
      from: 'UNDER_REVIEW',
      previousState: 'UNDER_REVIEW',
    });
  });

  it('秒批: the system approves a submitted application at once, starting and ending the clock', () => {
    const { trail, transitions } = walk(standard, [
      ['submit', APPLICANT],
      ['autoApprove', SYSTEM],
      ['complete', STAFF],
    ]);
    expect(trail).toEqual(['DRAFT', 'SUBMITTED:NOT_STARTED', 'APPROVED:ENDED', 'COMPLETED:ENDED']);
    expect(transitions[1]!.clockEffects).toEqual(['START_CLOCK', 'END_CLOCK']);
    expect(transitions[1]!.actingAs).toBe('SYSTEM');
  });

  it('不予受理 and 审批不通过 end the case with the reason kept', () => {
    const notAccepted = walk(standard, [
      ['submit', APPLICANT],
      ['notAccept', STAFF, { comment: '  不属于本部门职权范围  ' }],
    ]);
    expect(notAccepted.position).toEqual({
      state: 'NOT_ACCEPTED',
      previousState: 'SUBMITTED',
      clock: 'ENDED',
    });
    expect(notAccepted.transitions[1]!.comment).toBe('不属于本部门职权范围');

    const rejected = walk(standard, [
      ['submit', APPLICANT],
      ['accept', STAFF],
      ['startReview', STAFF],
      ['reject', STAFF, { comment: '申请人不符合补贴条件' }],
    ]);
    expect(rejected.position.state).toBe('REJECTED');
    expect(availableActions(standard, rejected.position, [...APPLICANT, ...STAFF, ...SUPERVISOR])).toEqual(
      [],
    );
  });

  it('the applicant may withdraw at any point before a decision, and not after', () => {
    for (const state of ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED']) {
      const previousState = state === 'RETURNED' || state === 'SUSPENDED' ? 'ACCEPTED' : null;
      const result = applyAction(standard, { state, previousState }, 'withdraw', APPLICANT, {
        comment: '不再需要',
      });
      expect(result).toMatchObject({ ok: true, to: 'WITHDRAWN', clock: 'ENDED' });
    }
    const late = refused(applyAction(standard, { state: 'APPROVED', clock: 'ENDED' }, 'withdraw', APPLICANT));
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
  });
});

describe('$previous: back to where the application was', () => {
  it('挂起/恢复办理 from 受理 and from 审查 returns to each, stopping and resuming the clock', () => {
    for (const state of ['ACCEPTED', 'UNDER_REVIEW']) {
      const { trail, transitions, position } = walk(
        standard,
        [
          ['suspend', STAFF, { comment: '等待不动产登记中心核查结果' }],
          ['resume', STAFF],
        ],
        { state, previousState: null, clock: 'RUNNING' },
      );
      expect(trail).toEqual([state, 'SUSPENDED:STOPPED', `${state}:RUNNING`]);
      expect(transitions.map((t) => t.clockEffects)).toEqual([['STOP_CLOCK'], ['RESUME_CLOCK']]);
      expect(position.previousState).toBe('SUSPENDED');
    }
  });

  it('补正 before 受理 returns to 待受理 without ever starting the clock', () => {
    const { trail, transitions } = walk(standard, [
      ['submit', APPLICANT],
      ['requestCorrection', STAFF, REASONS],
      ['resubmit', APPLICANT, { comment: '已重新上传清晰的复印件' }],
      ['accept', STAFF],
    ]);
    expect(trail).toEqual([
      'DRAFT',
      'SUBMITTED:NOT_STARTED',
      'RETURNED:NOT_STARTED',
      'SUBMITTED:NOT_STARTED',
      'ACCEPTED:RUNNING',
    ]);
    expect(transitions[1]).toMatchObject({ clockEffects: [], materialReasons: REASONS.materialReasons });
    expect(transitions[2]!.clockEffects).toEqual([]);
  });

  it('补正 during 审查 stops the clock and resubmission returns to 审查 with the clock running again', () => {
    const { trail, transitions } = walk(
      standard,
      [
        ['requestCorrection', STAFF, REASONS],
        ['resubmit', APPLICANT],
        ['approve', STAFF],
      ],
      { state: 'UNDER_REVIEW', previousState: 'ACCEPTED', clock: 'RUNNING' },
    );
    expect(trail).toEqual(['UNDER_REVIEW', 'RETURNED:STOPPED', 'UNDER_REVIEW:RUNNING', 'APPROVED:ENDED']);
    expect(transitions.map((t) => t.clockEffects)).toEqual([['STOP_CLOCK'], ['RESUME_CLOCK'], ['END_CLOCK']]);
  });

  it('without a stored clock, the clock is derived from the state and where it came from', () => {
    expect(clockOf(standard, { state: 'RETURNED', previousState: 'SUBMITTED' })).toBe('NOT_STARTED');
    expect(clockOf(standard, { state: 'RETURNED', previousState: 'UNDER_REVIEW' })).toBe('STOPPED');
    expect(clockOf(standard, { state: 'ACCEPTED' })).toBe('RUNNING');
    // So an application that stores no clock still resumes correctly.
    const resumed = applyAction(
      standard,
      { state: 'RETURNED', previousState: 'SUBMITTED' },
      'resubmit',
      APPLICANT,
    );
    expect(resumed).toMatchObject({ ok: true, to: 'SUBMITTED', clock: 'NOT_STARTED', clockEffects: [] });
  });

  it('a stored previous state that cannot lead back here is corrupt data, and throws', () => {
    expect(() =>
      applyAction(standard, { state: 'SUSPENDED', previousState: 'DRAFT' }, 'resume', STAFF),
    ).toThrow(/cannot return from SUSPENDED to previous state DRAFT/);
    expect(() => applyAction(standard, { state: 'SUSPENDED' }, 'resume', STAFF)).toThrow(/\(none\)/);
    expect(() => availableActions(standard, { state: 'ARCHIVED' }, STAFF)).toThrow(/no state ARCHIVED/);
  });
});

describe('the two-level definition', () => {
  it('staff recommend, a supervisor decides in 复核, and may send it back first', () => {
    const { trail, transitions } = walk(twoLevel, [
      ['submit', APPLICANT],
      ['accept', STAFF],
      ['startReview', STAFF],
      ['recommend', STAFF, { comment: '经审查符合条件，建议准予' }],
      ['sendBack', SUPERVISOR, { comment: '请补充核实户籍信息' }],
      ['recommend', STAFF, { comment: '已核实，建议准予' }],
      ['suspend', SUPERVISOR, { comment: '等待公安户籍核查' }],
      ['resume', SUPERVISOR],
      ['approve', SUPERVISOR],
      ['complete', STAFF],
    ]);
    expect(trail).toEqual([
      'DRAFT',
      'SUBMITTED:NOT_STARTED',
      'ACCEPTED:RUNNING',
      'UNDER_REVIEW:RUNNING',
      'SECOND_REVIEW:RUNNING',
      'UNDER_REVIEW:RUNNING',
      'SECOND_REVIEW:RUNNING',
      'SUSPENDED:STOPPED',
      'SECOND_REVIEW:RUNNING',
      'APPROVED:ENDED',
      'COMPLETED:ENDED',
    ]);
    expect(transitions[8]!.actingAs).toBe('SUPERVISOR');
  });

  it('refuses approve from 审查 (before 复核), naming what can be done', () => {
    const r = refused(
      applyAction(twoLevel, { state: 'UNDER_REVIEW', clock: 'RUNNING' }, 'approve', SUPERVISOR),
    );
    expect(r).toMatchObject({ code: 'INVALID_TRANSITION', allowed: ['requestCorrection', 'suspend'] });
    expect(refusalMessage(twoLevel, r, 'zh-CN')).toBe(
      '当前状态「审查中」下不能执行「审批通过」，可执行：补正告知、挂起',
    );
    const staff = refused(
      applyAction(twoLevel, { state: 'UNDER_REVIEW', clock: 'RUNNING' }, 'reject', STAFF),
    );
    expect(staff).toMatchObject({ code: 'FORBIDDEN', allowedActors: ['SUPERVISOR'] });
  });

  it('refuses approve and reject by staff in 复核', () => {
    for (const action of ['approve', 'reject']) {
      const r = refused(
        applyAction(twoLevel, { state: 'SECOND_REVIEW', clock: 'RUNNING' }, action, STAFF, {
          comment: '同意',
        }),
      );
      expect(r).toEqual({ ok: false, code: 'FORBIDDEN', action, allowedActors: ['SUPERVISOR'] });
    }
    expect(availableActions(twoLevel, { state: 'SECOND_REVIEW' }, STAFF)).toEqual(['suspend']);
    expect(availableActions(twoLevel, { state: 'SECOND_REVIEW' }, SUPERVISOR)).toEqual([
      'sendBack',
      'approve',
      'reject',
      'suspend',
    ]);
  });

  it('the standard definition allows what the two-level one refuses: the rules are data', () => {
    expect(
      applyAction(standard, { state: 'UNDER_REVIEW', clock: 'RUNNING' }, 'approve', STAFF),
    ).toMatchObject({
      ok: true,
      to: 'APPROVED',
    });
    expect(refused(applyAction(standard, { state: 'UNDER_REVIEW' }, 'recommend', STAFF))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});

describe('availableActions: the buttons each caller sees', () => {
  it.each([
    ['DRAFT', APPLICANT, ['submit', 'withdraw']],
    ['DRAFT', STAFF, []],
    ['SUBMITTED', STAFF, ['accept', 'notAccept', 'requestCorrection']],
    ['SUBMITTED', SYSTEM, ['autoApprove']],
    ['SUBMITTED', APPLICANT, ['withdraw']],
    ['ACCEPTED', STAFF, ['startReview', 'requestCorrection', 'suspend']],
    ['RETURNED', APPLICANT, ['resubmit', 'withdraw']],
    ['RETURNED', STAFF, []],
    ['APPROVED', SUPERVISOR, ['complete']],
    ['COMPLETED', ['APPLICANT', 'STAFF', 'SUPERVISOR', 'SYSTEM'], []],
    ['UNDER_REVIEW', [], []],
  ] as [string, Actor[], string[]][])('%s for %j: %j', (state, actors, expected) => {
    expect(availableActions(standard, { state, previousState: 'SUBMITTED' }, actors)).toEqual(expected);
  });
});

describe('refusals: nothing happens, and the reason is clear', () => {
  const accepted: Position = { state: 'ACCEPTED', previousState: 'SUBMITTED', clock: 'RUNNING' };

  it('an action from the wrong state lists the caller’s allowed actions, in both languages', () => {
    const r = refused(applyAction(standard, accepted, 'complete', STAFF));
    expect(r).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      action: 'complete',
      state: 'ACCEPTED',
      allowed: ['startReview', 'requestCorrection', 'suspend'],
    });
    expect(refusalMessage(standard, r, 'zh-CN')).toBe(
      '当前状态「已受理」下不能执行「办结」，可执行：开始审查、补正告知、挂起',
    );
    expect(refusalMessage(standard, r, 'en')).toBe(
      '“Complete” is not possible while the application is “Accepted”. You can: Start review, Request correction, Suspend.',
    );
    expect(refusalFailure(standard, r, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'action' },
    });
  });

  it('an unknown action name is an invalid transition', () => {
    for (const action of ['approveAll', '', 'constructor', '__proto__', 'toString']) {
      const r = refused(applyAction(standard, accepted, action, STAFF));
      expect(r).toMatchObject({
        code: 'INVALID_TRANSITION',
        allowed: ['startReview', 'requestCorrection', 'suspend'],
      });
    }
    const r = refused(applyAction(standard, accepted, 'approveAll', STAFF));
    expect(refusalMessage(standard, r, 'zh-CN')).toBe(
      '没有「approveAll」这项操作，可执行：开始审查、补正告知、挂起',
    );
  });

  it('when nothing is possible, it says so', () => {
    const r = refused(applyAction(standard, { state: 'COMPLETED' }, 'withdraw', APPLICANT));
    expect(refusalMessage(standard, r, 'zh-CN')).toBe(
      '当前状态「已办结」下不能执行「撤回申请」，当前没有您可执行的操作',
    );
  });

  it('a caller who may never take the action is FORBIDDEN, naming who may', () => {
    const applicant = refused(applyAction(standard, accepted, 'startReview', APPLICANT));
    expect(applicant).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      action: 'startReview',
      allowedActors: ['STAFF', 'SUPERVISOR'],
    });
    expect(refusalMessage(standard, applicant, 'zh-CN')).toBe('「开始审查」只能由经办人员或审批负责人执行');
    expect(refusalFailure(standard, applicant, 'en').error).toEqual({
      code: 'FORBIDDEN',
      message: '“Start review” can only be done by department staff or a supervisor.',
      field: 'action',
    });
    // Staff cannot resubmit on the applicant's behalf, nor fake the system's instant approval.
    expect(
      refused(applyAction(standard, { state: 'RETURNED', previousState: 'SUBMITTED' }, 'resubmit', STAFF))
        .code,
    ).toBe('FORBIDDEN');
    expect(refused(applyAction(standard, { state: 'SUBMITTED' }, 'autoApprove', SUPERVISOR)).code).toBe(
      'FORBIDDEN',
    );
    // Someone with no capacity on the application at all.
    expect(refused(applyAction(standard, accepted, 'withdraw', [])).code).toBe('FORBIDDEN');
  });

  it('a comment-required action without a comment', () => {
    for (const comment of [undefined, null, '', '   \n ']) {
      const r = refused(applyAction(standard, { state: 'SUBMITTED' }, 'notAccept', STAFF, { comment }));
      expect(r).toEqual({
        ok: false,
        code: 'BAD_USER_INPUT',
        action: 'notAccept',
        field: 'comment',
        problem: 'REQUIRED',
      });
    }
    const r = refused(applyAction(standard, { state: 'SUBMITTED' }, 'notAccept', STAFF));
    expect(refusalMessage(standard, r, 'zh-CN')).toBe('「不予受理」需要填写意见');
    expect(refusalFailure(standard, r, 'en').error).toEqual({
      code: 'BAD_USER_INPUT',
      message: '“Do not accept” needs a comment.',
      field: 'comment',
    });
  });

  it.each([
    ['501 characters', '审'.repeat(501), 'TOO_LONG'],
    ['a control character', '同意\u0007', 'CONTROL_CHARACTERS'],
    ['a line separator', '同\u2028意', 'CONTROL_CHARACTERS'],
    ['a number', 42, 'INVALID'],
  ])('a comment with %s', (_what, comment, problem) => {
    const r = refused(applyAction(standard, accepted, 'suspend', STAFF, { comment }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment', problem });
  });

  it('a comment of exactly 500 characters, with line breaks and emoji, is kept as typed', () => {
    const comment = `${'审'.repeat(497)}\r\n👍`;
    const r = applyAction(standard, accepted, 'suspend', STAFF, { comment });
    expect(r).toMatchObject({ ok: true, comment: `${'审'.repeat(497)}\n👍` });
  });

  it('a comment on an action that takes none is refused rather than dropped', () => {
    const r = refused(
      applyAction(standard, { state: 'DRAFT' }, 'submit', APPLICANT, { comment: '请尽快办理' }),
    );
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment', problem: 'NOT_EXPECTED' });
    expect(applyAction(standard, { state: 'DRAFT' }, 'submit', APPLICANT, { comment: '  ' })).toMatchObject({
      ok: true,
      comment: null,
    });
  });

  it('补正 without reasons, or with bad ones', () => {
    const correct = (materialReasons: unknown, materialIds?: string[]) =>
      refused(
        applyAction(
          standard,
          accepted,
          'requestCorrection',
          STAFF,
          { materialReasons },
          materialIds ? { materialIds } : {},
        ),
      );
    const many = Array.from({ length: 21 }, (_, i) => ({ materialId: `m${i}`, reason: '不清晰' }));
    const cases: [unknown, object][] = [
      [undefined, { problem: 'REQUIRED' }],
      [[], { problem: 'REQUIRED' }],
      ['m1: 不清晰', { problem: 'INVALID' }],
      [many, { problem: 'TOO_MANY' }],
      [[{ materialId: 'm1', reason: '  ' }], { problem: 'REQUIRED', index: 0 }],
      [[{ materialId: 'm1' }], { problem: 'INVALID', index: 0 }],
      [[{ materialId: ' ', reason: '不清晰' }], { problem: 'INVALID', index: 0 }],
      [[{ materialId: 'm1', reason: '审'.repeat(201) }], { problem: 'TOO_LONG', index: 0 }],
      [[{ materialId: 'm1', reason: '不清晰\n请重拍' }], { problem: 'CONTROL_CHARACTERS', index: 0 }],
      [
        [
          { materialId: 'm1', reason: '不清晰' },
          { materialId: ' m1 ', reason: '过期' },
        ],
        { problem: 'DUPLICATE', index: 1 },
      ],
    ];
    for (const [reasons, expected] of cases) {
      expect(correct(reasons)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'materialReasons',
        ...expected,
      });
    }
    expect(correct([{ materialId: 'm9', reason: '不清晰' }], ['m1', 'm2'])).toMatchObject({
      problem: 'UNKNOWN_MATERIAL',
      index: 0,
    });
    const r = correct(undefined);
    expect(refusalMessage(standard, r, 'zh-CN')).toBe('「补正告知」需要逐项列明需补正的材料及原因');
    const second = correct([
      { materialId: 'm1', reason: '不清晰' },
      { materialId: 'm2', reason: '' },
    ]);
    expect(refusalMessage(standard, second, 'zh-CN')).toBe('第 2 项补正材料的原因不能为空');
    expect(refusalFailure(standard, second, 'zh-CN').error.field).toBe('materialReasons.1');
  });

  it('补正 with twenty distinct, trimmed reasons is accepted', () => {
    const reasons = Array.from({ length: 20 }, (_, i) => ({
      materialId: ` m${i} `,
      reason: ` ${'缺'.repeat(200)} `,
    }));
    const r = applyAction(standard, accepted, 'requestCorrection', STAFF, { materialReasons: reasons });
    expect(r).toMatchObject({ ok: true, to: 'RETURNED' });
    expect((r as Transition).materialReasons[0]).toEqual({ materialId: 'm0', reason: '缺'.repeat(200) });
  });

  it('reasons on an action that does not send materials back are refused', () => {
    const r = refused(applyAction(standard, accepted, 'suspend', STAFF, { comment: '核查', ...REASONS }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'materialReasons', problem: 'NOT_EXPECTED' });
  });

  it('checks the state before the input: a wrong state is reported even with bad input', () => {
    const r = refused(applyAction(standard, { state: 'DRAFT' }, 'notAccept', STAFF, { comment: '' }));
    expect(r.code).toBe('INVALID_TRANSITION');
  });

  it('leaves the position it was given as it was', () => {
    const position = { state: 'ACCEPTED', previousState: 'SUBMITTED', clock: 'RUNNING' as ClockState };
    const before = structuredClone(position);
    applyAction(standard, position, 'suspend', STAFF, { comment: '核查' });
    applyAction(standard, position, 'suspend', STAFF);
    expect(position).toEqual(before);
  });
});

describe('labels', () => {
  it('describe actions and states in both languages, and fall back to the name', () => {
    expect(describeAction(standard, 'requestCorrection', 'zh-CN')).toBe('补正告知');
    expect(describeAction(standard, 'resubmit', 'zh-CN')).toBe('补正后重新提交');
    expect(describeAction(standard, 'autoApprove', 'en')).toBe('Instantly approved');
    expect(describeAction(standard, 'nope', 'en')).toBe('nope');
    expect(stateLabel(standard, 'ACCEPTED', 'zh-CN')).toBe('已受理');
    expect(stateLabel(twoLevel, 'SECOND_REVIEW', 'zh-CN')).toBe('复核中');
    expect(stateLabel(standard, 'constructor', 'en')).toBe('constructor');
  });

  it('use the 政务服务 words for every standard action', () => {
    expect(Object.values(standard.actions).map((a) => a.label.zh)).toEqual([
      '提交',
      '秒批通过',
      '受理',
      '不予受理',
      '开始审查',
      '审批通过',
      '审批不通过',
      '办结',
      '补正告知',
      '补正后重新提交',
      '挂起',
      '恢复办理',
      '撤回申请',
    ]);
  });
});

describe('延期: checkExtension', () => {
  const running = { clock: 'RUNNING' as ClockState, extended: false };

  it('grants a supervisor up to the maximum, once, while the clock runs or is stopped', () => {
    expect(
      checkExtension(standard, running, { workingDays: 10, reason: ' 需现场核验 ' }, SUPERVISOR),
    ).toEqual({
      ok: true,
      workingDays: 10,
      reason: '需现场核验',
      actingAs: 'SUPERVISOR',
    });
    expect(
      checkExtension(
        standard,
        { clock: 'STOPPED', extended: false },
        { workingDays: 1, reason: '专家评审' },
        SUPERVISOR,
      ),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [
      'staff',
      running,
      { workingDays: 5, reason: '需核验' },
      STAFF,
      { code: 'FORBIDDEN', allowedActors: ['SUPERVISOR'] },
    ],
    [
      'a second time',
      { ...running, extended: true },
      { workingDays: 5, reason: '需核验' },
      SUPERVISOR,
      { why: 'ALREADY_EXTENDED' },
    ],
    [
      'before 受理',
      { clock: 'NOT_STARTED', extended: false },
      { workingDays: 5, reason: 'x' },
      SUPERVISOR,
      { why: 'CLOCK_NOT_RUNNING' },
    ],
    [
      'after the decision',
      { clock: 'ENDED', extended: false },
      { workingDays: 5, reason: 'x' },
      SUPERVISOR,
      { why: 'CLOCK_NOT_RUNNING' },
    ],
    [
      '11 days',
      running,
      { workingDays: 11, reason: '需核验' },
      SUPERVISOR,
      { field: 'workingDays', problem: 'OUT_OF_RANGE' },
    ],
    ['0 days', running, { workingDays: 0, reason: '需核验' }, SUPERVISOR, { field: 'workingDays' }],
    ['half a day', running, { workingDays: 1.5, reason: '需核验' }, SUPERVISOR, { field: 'workingDays' }],
    [
      'no reason',
      running,
      { workingDays: 3, reason: ' ' },
      SUPERVISOR,
      { field: 'reason', problem: 'REQUIRED' },
    ],
  ] as const)('refuses %s', (_what, application, request, actors, expected) => {
    const r = checkExtension(standard, application, request, actors);
    expect(r).toMatchObject({ ok: false, ...expected });
  });

  it('words its refusals', () => {
    const days = checkExtension(standard, running, { workingDays: 30, reason: '需核验' }, SUPERVISOR);
    if (days.ok) throw new Error('expected a refusal');
    expect(extensionRefusalMessage(standard, days, 'zh-CN')).toEqual({
      message: '延期天数须为 1 至 10 个工作日',
      failure: {
        ok: false,
        error: { code: 'BAD_USER_INPUT', message: '延期天数须为 1 至 10 个工作日', field: 'workingDays' },
      },
    });
    const twice = checkExtension(
      standard,
      { ...running, extended: true },
      { workingDays: 3, reason: 'x' },
      SUPERVISOR,
    );
    if (twice.ok) throw new Error('expected a refusal');
    expect(extensionRefusalMessage(standard, twice, 'en').failure.error).toMatchObject({ code: 'CONFLICT' });
  });
});
