import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { Observable, type Subscription } from 'rxjs';
import { tokenProblemOf, type GetAccessToken, type TokenProblem } from './auth';
import type { Locale } from './contracts';

export interface AuthLinkOptions {
  /** The current access token or null (see `GetAccessToken`); without it requests go anonymous. */
  getAccessToken?: GetAccessToken;
  /** Called when the gateway still refuses the token after one refresh: the session is over. */
  onUnauthenticated?: () => void;
  /** The UI language, sent as `Accept-Language` so server messages come back in it. */
  getLocale?: () => Locale;
}

/** What the gateway answered when it refused a token. */
interface Refusal {
  result?: ApolloLink.Result;
  error?: unknown;
}

/** The token problem in a 401 whose body is plain `application/json` (Apollo raises a ServerError). */
function tokenProblemOfError(error: unknown): TokenProblem | null {
  if (!ServerError.is(error) || error.statusCode !== 401) return null;
  try {
    const body = JSON.parse(error.bodyText) as { errors?: { extensions?: Record<string, unknown> }[] };
    return tokenProblemOf(body.errors) ?? 'TOKEN_INVALID';
  } catch {
    return 'TOKEN_INVALID'; // a 401 we cannot read is still a refused token
  }
}

/**
 * True when an operation failed because the gateway refused the session's token (and no refresh
 * helped): the UI should say "sign in again", not "network problem".
 */
export function isSessionRefusal(error: unknown): boolean {
  return (
    tokenProblemOfError(error) !== null ||
    (CombinedGraphQLErrors.is(error) && tokenProblemOf(error.errors) !== null)
  );
}

/**
 * Adds `Authorization: Bearer <token>` (and `Accept-Language`) to every operation. When the gateway
 * refuses the token (HTTP 401, `TOKEN_EXPIRED` or `TOKEN_INVALID`, as a GraphQL response or as a
 * ServerError, depending on the negotiated media type) it asks for a fresh token once — passing the
 * refused one, so parallel failures share a single refresh — and sends the operation again. When
 * the session cannot be refreshed, `onUnauthenticated` runs and a query goes once more without a
 * token (public data still loads) while a mutation fails with the refusal (`isSessionRefusal`); when
 * the new token is refused too, the refusal goes through.
 */
export function createAuthLink(options: AuthLinkOptions | (() => AuthLinkOptions)): ApolloLink {
  const current = typeof options === 'function' ? options : () => options;

  return new ApolloLink((operation, forward) => {
    const { getAccessToken, onUnauthenticated, getLocale } = current();

    const send = (token: string | null) => {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
        const next: Record<string, string> = { ...headers };
        delete next['authorization'];
        if (token) next['authorization'] = `Bearer ${token}`;
        const locale = getLocale?.();
        if (locale) next['accept-language'] = locale;
        return { headers: next };
      });
      return forward(operation);
    };

    if (!getAccessToken) return send(null);

    return new Observable<ApolloLink.Result>((observer) => {
      let inner: Subscription | undefined;
      let closed = false;

      /** Hand the last refusal to the caller: the session is over. */
      const giveUp = ({ result, error }: Refusal) => {
        onUnauthenticated?.();
        if (result) {
          observer.next(result);
          observer.complete();
        } else observer.error(error);
      };

      /** `refusal` is set on the retry: what the gateway answered to the first token. */
      const attempt = (refusal?: Refusal & { token: string }) => {
        getAccessToken(refusal ? { rejected: refusal.token } : undefined).then(
          (token) => {
            if (closed) return;
            if (refusal && !token) {
              // The session is over. A query goes once more as anonymous (public data still comes
              // back; private fields fail as needing sign-in); a mutation is not sent again.
              if (operation.operationType !== 'query') return giveUp(refusal);
              onUnauthenticated?.();
            }
            const refused = (failure: Refusal) => {
              inner?.unsubscribe();
              if (refusal || !token) giveUp(failure);
              else attempt({ ...failure, token });
            };
            inner = send(token).subscribe({
              next(result) {
                if (tokenProblemOf(result.errors)) refused({ result });
                else observer.next(result);
              },
              error(error: unknown) {
                if (tokenProblemOfError(error)) refused({ error });
                else observer.error(error);
              },
              complete() {
                observer.complete();
              },
            });
          },
          (error: unknown) => {
            if (!closed) observer.error(error);
          },
        );
      };

      attempt();
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  });
}
