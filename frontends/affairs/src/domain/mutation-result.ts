import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { isSessionRefusal } from '@bianmin/frontend-kit';
import type { ErrorCode, UserError } from '../graphql/types';

/**
 * How a mutation ended, in the terms the UI needs:
 * - `ok`: done.
 * - `stale`: CONFLICT on `expectedVersion` — someone acted first (已被他人处理); reload and show it.
 * - `refused`: an expected failure the server explained (its `message` is written for people);
 *   CONFLICT on anything else (e.g. an action the state no longer allows) also wants a reload.
 * - `session`: the session ended; sign in again.
 * - `network`: the request did not get an answer we can read.
 */
export type MutationOutcome =
  | { kind: 'ok' }
  | { kind: 'stale'; message: string }
  | { kind: 'refused'; code: ErrorCode; message: string; field: string | null }
  | { kind: 'session' }
  | { kind: 'network' };

/** The outcome of a `{ ok, error }` result; null (no data) counts as a network failure. */
export function outcomeOf(
  result: { ok: boolean; error: UserError | null } | null | undefined,
): MutationOutcome {
  if (!result) return { kind: 'network' };
  if (result.ok) return { kind: 'ok' };
  const error = result.error;
  if (!error) return { kind: 'network' };
  if (error.code === 'CONFLICT' && error.field === 'expectedVersion') {
    return { kind: 'stale', message: error.message };
  }
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

/** After these the page's data is out of date and is fetched again. */
export function wantsReload(outcome: MutationOutcome): boolean {
  return outcome.kind === 'stale' || (outcome.kind === 'refused' && outcome.code === 'CONFLICT');
}

/**
 * Which input a refusal is about, as the index into a list argument: `input.useLicenceFor.0` → 0
 * for `useLicenceFor`. Null when the field is another one.
 */
export function refusedListIndex(outcome: MutationOutcome, list: string): number | null {
  if (outcome.kind !== 'refused' || !outcome.field) return null;
  const match = new RegExp(`(?:^|\\.)${list}\\.(\\d+)$`).exec(outcome.field);
  return match ? Number(match[1]) : null;
}
