import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * What went wrong with a query, in the terms a resident needs:
 * - `bad-input`: the server rejected what was asked (e.g. an empty or over-long search); show `message`.
 * - `unavailable`: the gateway answered but the domain could not (root field null + errors).
 * - `network`: the gateway could not be reached or answered with something that is not GraphQL.
 */
export type QueryProblem =
  { kind: 'bad-input'; message: string } | { kind: 'unavailable' } | { kind: 'network' };

/** Turn any Apollo Client error into a `QueryProblem`; never expose raw payloads to the UI. */
export function describeQueryError(error: unknown): QueryProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const badInput = error.errors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT');
    if (badInput) return { kind: 'bad-input', message: badInput.message };
    return { kind: 'unavailable' };
  }
  return { kind: 'network' };
}
