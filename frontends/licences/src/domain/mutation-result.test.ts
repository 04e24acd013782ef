import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { outcomeOf, outcomeOfError } from './mutation-result';

describe('outcomeOf', () => {
  it('reads ok, refusals with their field, and a lost session', () => {
    expect(outcomeOf({ ok: true, error: null })).toEqual({ kind: 'ok' });
    expect(
      outcomeOf({
        ok: false,
        error: { code: 'BAD_USER_INPUT', message: '用途须为 1–200 个字符', field: 'purpose' },
      }),
    ).toEqual({
      kind: 'refused',
      code: 'BAD_USER_INPUT',
      message: '用途须为 1–200 个字符',
      field: 'purpose',
    });
    expect(outcomeOf({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'x', field: null } })).toEqual({
      kind: 'session',
    });
  });

  it('counts no answer, or a refusal without words, as a network problem', () => {
    expect(outcomeOf(null)).toEqual({ kind: 'network' });
    expect(outcomeOf({ ok: false, error: null })).toEqual({ kind: 'network' });
  });
});

describe('outcomeOfError', () => {
  it('tells bad variables and a refused session from the network', () => {
    const bad = new CombinedGraphQLErrors({
      errors: [{ message: 'Variable "$id" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(outcomeOfError(bad)).toMatchObject({ kind: 'refused', code: 'BAD_USER_INPUT' });
    const unauthenticated = new CombinedGraphQLErrors({
      errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(outcomeOfError(unauthenticated)).toEqual({ kind: 'session' });
    expect(outcomeOfError(new Error('Failed to fetch'))).toEqual({ kind: 'network' });
  });
});
