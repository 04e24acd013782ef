import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../identity/operations';
import { consentStates, exportFileName, pendingRequest } from './pipl';

const record = (overrides: Partial<ConsentRecord>): ConsentRecord => ({
  id: 'c1',
  purpose: 'SERVICE_NOTIFICATIONS',
  policyVersion: '2026-11',
  grantedAt: '2026-11-01T00:00:00.000Z',
  withdrawnAt: null,
  endReason: null,
  active: true,
  required: false,
  ...overrides,
});

describe('consentStates', () => {
  it('lists every purpose once, with the consent in force and the history newest first', () => {
    const states = consentStates([
      record({ id: 'old', active: false, withdrawnAt: '2026-11-02T00:00:00.000Z', endReason: 'WITHDRAWN' }),
      record({ id: 'new', grantedAt: '2026-11-03T00:00:00.000Z' }),
      record({ id: 'terms', purpose: 'PLATFORM_TERMS', required: true }),
    ]);
    expect(states.map((s) => [s.purpose, s.latest?.id ?? null])).toEqual([
      ['PLATFORM_TERMS', 'terms'],
      ['PERSONAL_DATA_PROCESSING', null],
      ['SERVICE_NOTIFICATIONS', 'new'],
    ]);
    expect(states[2]!.history.map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('shows the last withdrawn record when none is in force', () => {
    const [terms] = consentStates([
      record({ id: 'w', purpose: 'PLATFORM_TERMS', active: false, withdrawnAt: '2026-11-02T00:00:00.000Z' }),
    ]);
    expect(terms!.latest).toMatchObject({ id: 'w', active: false });
  });
});

describe('exportFileName', () => {
  it('names the file with the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('bianmin-my-data-2026-01-05.json');
  });
});

describe('pendingRequest', () => {
  it('finds the open request', () => {
    const row = { id: 'r', reason: null, requestedAt: '', decidedAt: null, decisionNote: null };
    expect(pendingRequest([{ ...row, status: 'REJECTED' }])).toBeNull();
    expect(pendingRequest([{ ...row, id: 'p', status: 'PENDING' }])?.id).toBe('p');
  });
});
