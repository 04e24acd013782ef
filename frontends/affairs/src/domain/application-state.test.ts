import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from '../graphql/types';
import { applicantMarkers, isDecided, isEditableByApplicant, stateTone } from './application-state';

describe('application states', () => {
  it('gives every state a tone', () => {
    for (const state of APPLICATION_STATES) expect(stateTone(state)).toMatch(/\w+/);
    expect(stateTone('RETURNED')).toBe('action');
    expect(stateTone('APPROVED')).toBe('success');
    expect(stateTone('REJECTED')).toBe('danger');
  });

  it('knows which states are decided and which the applicant can edit', () => {
    expect(APPLICATION_STATES.filter(isDecided)).toEqual([
      'APPROVED',
      'REJECTED',
      'NOT_ACCEPTED',
      'WITHDRAWN',
      'COMPLETED',
    ]);
    expect(APPLICATION_STATES.filter(isEditableByApplicant)).toEqual(['DRAFT', 'RETURNED']);
  });

  it('marks what needs the applicant', () => {
    expect(applicantMarkers({ state: 'RETURNED', canRate: false })).toEqual(['correct']);
    expect(applicantMarkers({ state: 'COMPLETED', canRate: true })).toEqual(['rate']);
    expect(applicantMarkers({ state: 'DRAFT', canRate: false })).toEqual(['continue']);
    expect(applicantMarkers({ state: 'UNDER_REVIEW', canRate: false })).toEqual([]);
  });
});
