import type { PersonalDataField, RevealPurposeInput, RevealResult } from '../graphql/types';
import { outcomeOf, outcomeOfError, type MutationOutcome } from './mutation-result';

/**
 * What staff ask for when they reveal an applicant's value from the workbench: the case they are
 * handling, named by its 办件编号. Identity checks it is this person's, the staff member's
 * department's, and open or recently closed.
 */
export function caseHandlingReveal(
  personId: string,
  field: PersonalDataField,
  reference: string,
): { personId: string; field: PersonalDataField; purpose: RevealPurposeInput } {
  return { personId, field, purpose: { kind: 'CASE_HANDLING', reference } };
}

/** What a reveal came to: the full value (null when nothing is on file), or why not. */
export type RevealOutcome =
  { kind: 'revealed'; value: string | null } | Exclude<MutationOutcome, { kind: 'ok' }>;

/** Run a reveal and say what it came to; a thrown error is a session or network problem. */
export async function reveal(
  perform: () => Promise<RevealResult | null | undefined>,
): Promise<RevealOutcome> {
  let outcome: MutationOutcome;
  let result: RevealResult | null | undefined;
  try {
    result = await perform();
    outcome = outcomeOf(result);
  } catch (error) {
    outcome = outcomeOfError(error);
  }
  if (outcome.kind !== 'ok') return outcome;
  return { kind: 'revealed', value: result?.value ?? null };
}
