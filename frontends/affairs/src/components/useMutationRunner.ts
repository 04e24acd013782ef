import { useCallback, useState } from 'react';
import { outcomeOf, outcomeOfError, wantsReload, type MutationOutcome } from '../domain/mutation-result';
import type { UserError } from '../graphql/types';

export interface Notice {
  outcome: MutationOutcome;
  /** What to say when it worked. */
  success: string;
}

interface RunOptions {
  /** Fetch the page's data again after success too (staff pages: the list and clock move on). */
  reloadOnOk?: boolean;
}

/**
 * Runs a `{ ok, error }` mutation and keeps what to tell the user: the success message, the
 * server's words for a refusal, "已被他人处理" for a stale version (after fetching the page again),
 * or a session / network problem. Only one mutation runs at a time; `running` names it.
 */
export function useMutationRunner(reload?: () => Promise<unknown>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  const run = useCallback(
    async <T extends { ok: boolean; error: UserError | null }>(
      name: string,
      perform: () => Promise<T | null | undefined>,
      success: string,
      options: RunOptions = {},
    ): Promise<{ result: T | null; outcome: MutationOutcome }> => {
      setRunning(name);
      setNotice(null);
      let result: T | null = null;
      let outcome: MutationOutcome;
      try {
        result = (await perform()) ?? null;
        outcome = outcomeOf(result);
      } catch (error) {
        outcome = outcomeOfError(error);
      }
      if (reload && (wantsReload(outcome) || (outcome.kind === 'ok' && options.reloadOnOk))) {
        await reload().catch(() => undefined);
      }
      setNotice({ outcome, success });
      setRunning(null);
      return { result: outcome.kind === 'ok' ? result : null, outcome };
    },
    [reload],
  );

  const clear = useCallback(() => setNotice(null), []);
  return { run, running, notice, clear, setNotice };
}
