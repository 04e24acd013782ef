import type { ApplicationState } from '../graphql/types';

/** How a state looks: the colour family of its tag (each has text at 4.5:1 or better). */
export type StateTone = 'draft' | 'progress' | 'action' | 'paused' | 'success' | 'danger' | 'neutral';

const TONES: Record<ApplicationState, StateTone> = {
  DRAFT: 'draft',
  SUBMITTED: 'progress',
  ACCEPTED: 'progress',
  UNDER_REVIEW: 'progress',
  SECOND_REVIEW: 'progress',
  RETURNED: 'action',
  SUSPENDED: 'paused',
  APPROVED: 'success',
  COMPLETED: 'success',
  REJECTED: 'danger',
  NOT_ACCEPTED: 'danger',
  WITHDRAWN: 'neutral',
};

export function stateTone(state: ApplicationState): StateTone {
  return TONES[state] ?? 'neutral';
}

/** States whose outcome is known: the deadline clock has stopped for good. */
const DECIDED: readonly ApplicationState[] = [
  'APPROVED',
  'REJECTED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'COMPLETED',
];

export function isDecided(state: ApplicationState): boolean {
  return DECIDED.includes(state);
}

/** The applicant may still change materials and answers: a draft, or one sent back (补正). */
export function isEditableByApplicant(state: ApplicationState): boolean {
  return state === 'DRAFT' || state === 'RETURNED';
}

/** Why an application in the resident's list wants their attention, most pressing first. */
export type ApplicantMarker = 'correct' | 'rate' | 'continue';

export function applicantMarkers(app: { state: ApplicationState; canRate: boolean }): ApplicantMarker[] {
  const markers: ApplicantMarker[] = [];
  if (app.state === 'RETURNED') markers.push('correct');
  if (app.canRate) markers.push('rate');
  if (app.state === 'DRAFT') markers.push('continue');
  return markers;
}
