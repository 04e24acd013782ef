import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { isSessionRefusal } from '@bianmin/frontend-kit';
import type { ErrorCode, UserError } from '../graphql/types';

/**
 * How a `{ ok, error }` mutation ended, in the terms the UI needs:
 * - `ok`: done.
 * - `refused`: an expected failure the server explained (its `message` is written for people);
 *   `field` names the input it is about, when it is about one.
 * - `session`: the session ended; sign in again.
 * - `network`: no answer we can read.
 */
export type MutationOutcome =
  | { kind: 'ok' }
  | { kind: 'refused'; code: ErrorCode; message: string; field: string | null }
  | { kind: 'session' }
  | { kind: 'network' };

export function outcomeOf(
  result: { ok: boolean; error: UserError | null } | null | undefined,
): MutationOutcome {
  if (!result) return { kind: 'network' };
  if (result.ok) return { kind: 'ok' };
  const error = result.error;
  if (!error) return { kind: 'network' };
  if (error.code === 'UNAUTHENTICATED') return { kind: 'session' };
  return { kind: 'refused', code: error.code, message: error.message, field: error.field ?? null };
}

/** The outcome of a mutation that threw: a refused session, bad variables, or the network. */
export function outcomeOfError(error: unknown): MutationOutcome {
  if (isSessionRefusal(error)) return { kind: 'session' };
  if (CombinedGraphQLErrors.is(error)) {
    const badInput = error.errors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
    if (badInput) return { kind: 'refused', code: 'BAD_USER_INPUT', message: badInput.message, field: null };
    if (error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) return { kind: 'session' };
  }
  return { kind: 'network' };
}
