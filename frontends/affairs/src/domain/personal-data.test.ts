import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { caseHandlingReveal, reveal } from './personal-data';

describe('caseHandlingReveal', () => {
  it('declares the case being handled, by its reference, as the purpose', () => {
    expect(caseHandlingReveal('p-1', 'ID_NUMBER', 'YH20261129A7K3Q2')).toEqual({
      personId: 'p-1',
      field: 'ID_NUMBER',
      purpose: { kind: 'CASE_HANDLING', reference: 'YH20261129A7K3Q2' },
    });
  });
});

describe('reveal', () => {
  it('gives the full value, or null when nothing is on file', async () => {
    const value = '11010119900307123X';
    expect(await reveal(async () => ({ ok: true, error: null, field: 'ID_NUMBER', value }))).toEqual({
      kind: 'revealed',
      value,
    });
    expect(await reveal(async () => ({ ok: true, error: null, field: 'PHONE', value: null }))).toEqual({
      kind: 'revealed',
      value: null,
    });
  });

  it("passes a refusal on with the server's words", async () => {
    const refused = await reveal(async () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: '此操作需要通过双因素认证的登录', field: null },
      field: null,
      value: null,
    }));
    expect(refused).toEqual({
      kind: 'refused',
      code: 'FORBIDDEN',
      message: '此操作需要通过双因素认证的登录',
      field: null,
    });
  });

  it('tells an ended session and a lost connection apart', async () => {
    const expired = new CombinedGraphQLErrors({
      errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } }],
    });
    expect(await reveal(() => Promise.reject(expired))).toEqual({ kind: 'session' });
    expect(await reveal(() => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'network' });
    expect(await reveal(async () => null)).toEqual({ kind: 'network' });
  });
});
