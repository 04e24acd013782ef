import type { RefreshOutcome, SessionTokens, SessionTransport } from './session-manager';

/** The session fields every operation that issues tokens selects (see `AuthSession` in the schema). */
export const AUTH_SESSION_FIELDS = `
  accessToken
  accessTokenExpiresAt
  refreshToken
  refreshTokenExpiresAt
  account { id }
`;

/** `AuthSession` as the API returns it (times are ISO 8601). */
export interface AuthSessionPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  account: { id: string };
}

/** `iat` of a JWT in milliseconds, or null; the token is only read here, never trusted or checked. */
function issuedAtOf(jwt: string): number | null {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const iat = (JSON.parse(json) as { iat?: unknown }).iat;
    return typeof iat === 'number' ? iat * 1000 : null;
  } catch {
    return null;
  }
}

/** Clock differences below this are not worth correcting. */
const CLOCK_SKEW_TOLERANCE_MS = 30_000;

/**
 * The session's tokens with times on this device's clock. The server's times are shifted by how far
 * this clock is off (the access token's `iat` against the moment it arrived): a phone whose clock
 * runs 20 minutes fast would otherwise think every new token had already expired.
 */
export function tokensFrom(session: AuthSessionPayload, receivedAt: number = Date.now()): SessionTokens {
  const issuedAt = issuedAtOf(session.accessToken);
  const skew = issuedAt === null ? 0 : issuedAt - receivedAt;
  const local = (iso: string) => Date.parse(iso) - (Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : 0);
  return {
    accountId: session.account.id,
    accessToken: session.accessToken,
    accessTokenExpiresAt: local(session.accessTokenExpiresAt),
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: local(session.refreshTokenExpiresAt),
  };
}

const REFRESH = `mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    ok
    error { code message }
    session { ${AUTH_SESSION_FIELDS} }
  }
}`;

const SIGN_OUT = `mutation SignOut($refreshToken: String, $everywhere: Boolean) {
  signOut(refreshToken: $refreshToken, everywhere: $everywhere) {
    ok
    error { code message }
    revokedSessions
  }
}`;

/**
 * The transport's documents, as sent (not through Apollo, so no `__typename`s are added). Listed in
 * the persisted-documents manifest, so a gateway that accepts only known documents accepts them.
 */
export const SESSION_DOCUMENTS = { RefreshSession: REFRESH, SignOut: SIGN_OUT } as const;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string }[];
}

/** Refusals that end the session; anything else (RATE_LIMITED, UNAVAILABLE, …) is tried again later. */
const SESSION_OVER = new Set(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * The manager's two server calls, as plain `fetch` rather than through Apollo: the refresh must go
 * without the (expired) bearer token, and neither result belongs in a cache.
 */
export function createSessionTransport(
  gatewayUrl: string,
  fetchImpl: typeof fetch = fetch,
): SessionTransport {
  async function post<T>(query: string, variables: object, accessToken?: string | null): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (accessToken) headers['authorization'] = `Bearer ${accessToken}`;
    const response = await fetchImpl(gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      credentials: 'omit',
    });
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
    if (!response.ok || !body.data) {
      throw new Error(`session call failed: HTTP ${response.status} ${body.errors?.[0]?.message ?? ''}`);
    }
    return body.data;
  }

  return {
    async refresh(refreshToken: string): Promise<RefreshOutcome> {
      let data: {
        refreshSession: { ok: boolean; error: { code: string } | null; session: AuthSessionPayload | null };
      };
      try {
        data = await post(REFRESH, { refreshToken });
      } catch {
        return { ok: false, reason: 'unreachable' };
      }
      const result = data.refreshSession;
      if (result.ok && result.session) return { ok: true, tokens: tokensFrom(result.session) };
      return { ok: false, reason: SESSION_OVER.has(result.error?.code ?? '') ? 'rejected' : 'unreachable' };
    },

    async signOut({ refreshToken, accessToken, everywhere }) {
      const data = await post<{ signOut: { ok: boolean; error: { message: string } | null } }>(
        SIGN_OUT,
        { refreshToken, everywhere },
        accessToken,
      );
      if (!data.signOut.ok) throw new Error(data.signOut.error?.message ?? 'sign-out failed');
    },
  };
}
