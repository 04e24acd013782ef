import { describe, expect, it } from 'vitest';
import { actionInput, actionTone, extensionDecision, extensionRequest } from './workflow-actions';

const plain = { commentRequired: false, materialReasonsRequired: false };
const needsComment = { commentRequired: true, materialReasonsRequired: false };
const correction = { commentRequired: false, materialReasonsRequired: true };

describe('actionInput', () => {
  it('sends nothing for an action that needs nothing', () => {
    expect(actionInput(plain, { comment: '  ', reasons: [] })).toEqual({ ok: true, input: undefined });
  });

  it('keeps an optional comment', () => {
    expect(actionInput(plain, { comment: ' 材料齐全 ', reasons: [] })).toEqual({
      ok: true,
      input: { comment: '材料齐全' },
    });
  });

  it('requires a comment where the workflow does, and caps it at 500 characters', () => {
    expect(actionInput(needsComment, { comment: ' ', reasons: [] })).toEqual({
      ok: false,
      problem: { kind: 'commentRequired' },
    });
    expect(actionInput(needsComment, { comment: '否'.repeat(501), reasons: [] })).toEqual({
      ok: false,
      problem: { kind: 'commentTooLong' },
    });
  });

  it('requires at least one material with a reason for 补正', () => {
    expect(actionInput(correction, { comment: '', reasons: [] })).toEqual({
      ok: false,
      problem: { kind: 'reasonsRequired' },
    });
    expect(actionInput(correction, { comment: '', reasons: [{ materialId: 'm2', reason: ' ' }] })).toEqual({
      ok: false,
      problem: { kind: 'reasonMissing', materialId: 'm2' },
    });
    expect(
      actionInput(correction, { comment: '', reasons: [{ materialId: 'm1', reason: '照片'.repeat(101) }] }),
    ).toEqual({ ok: false, problem: { kind: 'reasonTooLong', materialId: 'm1' } });
    expect(
      actionInput(correction, {
        comment: '请补正后重新提交',
        reasons: [{ materialId: 'm1', reason: ' 照片不清晰 ' }],
      }),
    ).toEqual({
      ok: true,
      input: { comment: '请补正后重新提交', materialReasons: [{ materialId: 'm1', reason: '照片不清晰' }] },
    });
  });
});

describe('actionTone', () => {
  it('makes rejections dangerous and progress primary', () => {
    expect(actionTone('reject')).toBe('danger');
    expect(actionTone('notAccept')).toBe('danger');
    expect(actionTone('approve')).toBe('primary');
    expect(actionTone('suspend')).toBe('default');
  });
});

describe('extensions', () => {
  it('takes 1–10 working days and a reason', () => {
    expect(extensionRequest(3, ' 需外部核查 ')).toEqual({ ok: true, workingDays: 3, reason: '需外部核查' });
    expect(extensionRequest(0, '理由')).toEqual({ ok: false, problem: 'days' });
    expect(extensionRequest(11, '理由')).toEqual({ ok: false, problem: 'days' });
    expect(extensionRequest(2.5, '理由')).toEqual({ ok: false, problem: 'days' });
    expect(extensionRequest(null, '理由')).toEqual({ ok: false, problem: 'days' });
    expect(extensionRequest(5, '  ')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(extensionRequest(5, '长'.repeat(501))).toEqual({ ok: false, problem: 'reasonTooLong' });
  });

  it('needs a comment only to decline', () => {
    expect(extensionDecision(true, '')).toEqual({ ok: true, comment: undefined });
    expect(extensionDecision(false, ' ')).toEqual({ ok: false, problem: 'commentRequired' });
    expect(extensionDecision(false, '理由不充分')).toEqual({ ok: true, comment: '理由不充分' });
  });
});
