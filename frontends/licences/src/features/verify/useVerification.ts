import { useApolloClient } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import type { VerificationResult } from '../../graphql/types';
import { VERIFY_CREDENTIAL, VERIFY_PRESENTATION } from './queries';

/** What is being verified: a QR link's token, or a pasted credential. */
export type Subject = { kind: 'presentation'; token: string } | { kind: 'credential'; text: string };

export type VerificationState =
  | { phase: 'idle' }
  | { phase: 'checking'; subject: Subject }
  | { phase: 'done'; subject: Subject; result: VerificationResult; checkedAt: string }
  | { phase: 'failed'; subject: Subject; error: unknown };

/**
 * Runs one verification at a time, always over the network (`no-cache`: a verdict is about now,
 * and a cached one could hide a revocation), and remembers when it was made. A later request
 * wins over an earlier one still in flight.
 */
export function useVerification() {
  const client = useApolloClient();
  const [state, setState] = useState<VerificationState>({ phase: 'idle' });
  const latest = useRef(0);

  const verify = useCallback(
    async (subject: Subject) => {
      const attempt = ++latest.current;
      setState({ phase: 'checking', subject });
      try {
        let result: VerificationResult | undefined;
        if (subject.kind === 'presentation') {
          const { data } = await client.query({
            query: VERIFY_PRESENTATION,
            variables: { token: subject.token },
            fetchPolicy: 'no-cache',
          });
          result = data?.verifyPresentation;
        } else {
          const { data } = await client.query({
            query: VERIFY_CREDENTIAL,
            variables: { credential: subject.text },
            fetchPolicy: 'no-cache',
          });
          result = data?.verifyCredential;
        }
        if (attempt !== latest.current) return;
        if (!result) throw new Error('The verifier gave no verdict');
        setState({ phase: 'done', subject, result, checkedAt: new Date().toISOString() });
      } catch (error) {
        if (attempt === latest.current) setState({ phase: 'failed', subject, error });
      }
    },
    [client],
  );

  return { state, verify };
}
