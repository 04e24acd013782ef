import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { outcomeOf, outcomeOfError, refusedListIndex, wantsReload } from './mutation-result';

describe('outcomeOf', () => {
  it('is ok when the server says so', () => {
    expect(outcomeOf({ ok: true, error: null })).toEqual({ kind: 'ok' });
  });

  it('treats CONFLICT on expectedVersion as "someone acted first" and wants a reload', () => {
    const outcome = outcomeOf({
      ok: false,
      error: { code: 'CONFLICT', message: '此办件刚被他人处理', field: 'expectedVersion' },
    });
    expect(outcome).toEqual({ kind: 'stale', message: '此办件刚被他人处理' });
    expect(wantsReload(outcome)).toBe(true);
  });

  it("passes the server's message on for other refusals", () => {
    const outcome = outcomeOf({
      ok: false,
      error: { code: 'CONFLICT', message: '当前状态不能撤回', field: 'action' },
    });
    expect(outcome).toEqual({
      kind: 'refused',
      code: 'CONFLICT',
      message: '当前状态不能撤回',
      field: 'action',
    });
    expect(wantsReload(outcome)).toBe(true);
    const badInput = outcomeOf({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: '请填写意见', field: null },
    });
    expect(wantsReload(badInput)).toBe(false);
  });

  it('counts a missing result as a network failure', () => {
    expect(outcomeOf(null)).toEqual({ kind: 'network' });
    expect(outcomeOf({ ok: false, error: null })).toEqual({ kind: 'network' });
  });
});

describe('outcomeOfError', () => {
  it('recognises a refused session', () => {
    const refused = new CombinedGraphQLErrors({
      errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }],
    });
    expect(outcomeOfError(refused)).toEqual({ kind: 'session' });
  });

  it('shows the message of bad variables and calls anything else a network problem', () => {
    const bad = new CombinedGraphQLErrors({
      errors: [{ message: 'Int cannot represent 1.5', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(outcomeOfError(bad)).toMatchObject({ kind: 'refused', message: 'Int cannot represent 1.5' });
    expect(outcomeOfError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
  });
});

describe('refusedListIndex', () => {
  it('finds which material of a list the server refused', () => {
    const outcome = outcomeOf({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: '您没有有效的电子证照', field: 'input.useLicenceFor.0' },
    });
    expect(refusedListIndex(outcome, 'useLicenceFor')).toBe(0);
    expect(refusedListIndex(outcome, 'uploadInsteadFor')).toBeNull();
    expect(refusedListIndex({ kind: 'ok' }, 'useLicenceFor')).toBeNull();
  });
});
