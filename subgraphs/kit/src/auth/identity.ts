/**
 * Who is asking, as every subgraph sees it. The gateway builds it from a verified access token
 * and hands it to subgraphs in a signed internal header (internal-token.ts); subgraphs never see
 * the resident's own token.
 */
export interface Identity {
  /** Account id; null for an anonymous caller. */
  accountId: string | null;
  /** The person the account belongs to, when it is a person's account. */
  personId?: string | null;
  /** Role names, e.g. `resident`, `catalog-editor`. */
  roles: string[];
  /** Department code of staff accounts. */
  department?: string | null;
  /** Session id (the refresh-token family) of a signed-in person. */
  sessionId?: string | null;
  /** Partner API client id, for the client-credentials grant. */
  clientId?: string | null;
  /** Scopes granted to a partner client. */
  scopes?: string[];
  /** True when the session passed a second factor. */
  mfa?: boolean;
}

export const ANONYMOUS_IDENTITY: Identity = Object.freeze({ accountId: null, roles: [] }) as Identity;

export function isSignedIn(identity: Identity): boolean {
  return identity.accountId !== null || Boolean(identity.clientId);
}
