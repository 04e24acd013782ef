/**
 * Authentication as the shell shares it with remotes. The shell owns the session (sign-in, refresh
 * token, idle timeout); a remote only ever asks for the current access token.
 */

/** What a caller tells `getAccessToken` about the token it holds. */
export interface AccessTokenRequest {
  /**
   * The token the gateway just refused (`TOKEN_EXPIRED` / `TOKEN_INVALID`). The shell then refreshes
   * the session unless it already holds a newer token; parallel callers share one refresh.
   */
  rejected?: string;
}

/**
 * The current access token, or null when nobody is signed in. Resolves quickly from memory; refreshes
 * first when the token is about to expire or was rejected. Rejects only when the refresh could not
 * reach the server (the session is kept; the request should fail as a network error).
 */
export type GetAccessToken = (request?: AccessTokenRequest) => Promise<string | null>;

/** The `auth` prop a remote receives from the shell. */
export interface RemoteAuth {
  /** Bearer token for the gateway; pass it to `createApolloClient(gatewayUrl, { getAccessToken })`. */
  getAccessToken: GetAccessToken;
  /** Whether a resident is signed in right now (re-renders the remote when it changes). */
  signedIn: boolean;
  /**
   * Send the resident to the shell's sign-in page; after signing in they come back to `returnTo`
   * (an absolute path in the shell, e.g. `/services/items/GA-002`).
   */
  requireSignIn(returnTo: string): void;
}

/**
 * What a remote uses when it runs without a shell (standalone) or under an older shell: nobody is
 * signed in and there is no sign-in page to go to.
 */
export const SIGNED_OUT_AUTH: RemoteAuth = Object.freeze({
  getAccessToken: () => Promise.resolve(null),
  signedIn: false,
  requireSignIn(returnTo: string) {
    console.warn(`Sign-in is not available outside the shell (wanted to return to ${returnTo}).`);
  },
});

/** Why the gateway refused a token; `null` for any other error. */
export type TokenProblem = 'TOKEN_EXPIRED' | 'TOKEN_INVALID';

interface ErrorLike {
  extensions?: Record<string, unknown> | null;
}

/**
 * The gateway answers a bad or expired bearer token with HTTP 401 and one error whose
 * `extensions` are `{ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' }`.
 * Field-level `UNAUTHENTICATED` errors (a field that needs sign-in, asked anonymously) have no
 * `reason` and are not token problems.
 */
export function tokenProblemOf(errors: readonly ErrorLike[] | null | undefined): TokenProblem | null {
  for (const error of errors ?? []) {
    const extensions = error.extensions ?? {};
    if (extensions['code'] !== 'UNAUTHENTICATED') continue;
    const reason = extensions['reason'];
    if (reason === 'TOKEN_EXPIRED' || reason === 'TOKEN_INVALID') return reason;
  }
  return null;
}
