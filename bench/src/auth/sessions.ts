import {
  accessTokenKeyFile,
  loadOrCreateKeyFile,
  publicJwks,
  signInternalIdentity,
  verifyAccessToken,
} from '@bianmin/kit';
import type { Credentials, DataFacts } from '../data/facts.js';
import { operationNamed, type PersistedOperation } from '../workload/manifest.js';
import { totpCode } from './totp.js';

/** A signed-in person, as the shell's session manager holds one. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt: number;
}

interface AuthResult {
  ok: boolean;
  error: { code: string; message: string } | null;
  session: { accessToken: string; accessTokenExpiresAt: string; refreshToken: string } | null;
  challengeToken: string | null;
}

async function call(url: string, operation: PersistedOperation, variables: object): Promise<AuthResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operationName: operation.name, query: operation.body, variables }),
  });
  const answer = (await response.json()) as { data?: Record<string, AuthResult>; errors?: unknown[] };
  const result = answer.data && Object.values(answer.data)[0];
  if (!result) throw new Error(`${operation.name} failed (${response.status}): ${JSON.stringify(answer)}`);
  return result;
}

const sessionOf = (result: AuthResult, who: string): Session => {
  if (!result.ok || !result.session)
    throw new Error(`${who} could not sign in: ${result.error?.code} ${result.error?.message}`);
  return {
    accessToken: result.session.accessToken,
    refreshToken: result.session.refreshToken,
    expiresAt: Date.parse(result.session.accessTokenExpiresAt),
  };
};

/**
 * The signed-in people of a run: residents for the mix and a member of staff for the inbox,
 * signed in through the real `signIn` (and `verifySecondFactor`) mutations the shell sends, and
 * kept fresh with `refreshSession`, as the shell does, since access tokens last ten minutes.
 */
export class SessionPool {
  private constructor(
    private readonly operations: PersistedOperation[],
    readonly residents: Session[],
    readonly staff: Session,
  ) {}

  static async signIn(
    url: string,
    facts: DataFacts,
    residents: number,
    operations: PersistedOperation[],
  ): Promise<SessionPool> {
    const signIn = operationNamed(operations, 'SignIn');
    const asResident = async (person: Credentials) =>
      sessionOf(
        await call(url, signIn, { input: { login: person.phone, password: person.password } }),
        person.phone,
      );
    const people = facts.residents.slice(0, residents);
    const sessions: Session[] = [];
    // A few at a time: identity hashes two passwords at once and queues the rest.
    for (let i = 0; i < people.length; i += 4)
      sessions.push(...(await Promise.all(people.slice(i, i + 4).map(asResident))));

    const member = facts.staff[0];
    if (!member) throw new Error('the data has no staff member to sign in');
    const challenge = await call(url, signIn, { input: { login: member.phone, password: member.password } });
    if (!challenge.challengeToken)
      throw new Error(`staff sign-in gave no TOTP challenge: ${JSON.stringify(challenge)}`);
    const verify = operationNamed(operations, 'VerifySecondFactor');
    // A code is accepted once per account: a sign-in moments after another needs the next one.
    let verified = await call(url, verify, {
      input: { challengeToken: challenge.challengeToken, code: totpCode(member.totpSecret) },
    });
    if (!verified.ok)
      verified = await call(url, verify, {
        input: {
          challengeToken: challenge.challengeToken,
          code: totpCode(member.totpSecret, Date.now() + 30_000),
        },
      });
    return new SessionPool(operations, sessions, sessionOf(verified, member.phone));
  }

  /** Refresh every session whose access token would expire within `withinMs`. */
  async refresh(url: string, withinMs: number): Promise<void> {
    const refresh = operationNamed(this.operations, 'RefreshSession');
    const renew = async (session: Session) => {
      if (session.expiresAt - Date.now() > withinMs) return;
      Object.assign(
        session,
        sessionOf(await call(url, refresh, { refreshToken: session.refreshToken }), 'refresh'),
      );
    };
    for (const session of [...this.residents, this.staff]) await renew(session);
  }
}

/**
 * The `x-bianmin-identity` header our gateway would send for `session`, for requests straight to
 * a subgraph. Valid for an hour instead of a minute: the same header serves a whole run.
 */
export async function identityHeaderFor(
  session: Session,
  dataDir: string,
  internalSecret: string,
): Promise<string> {
  const jwks = publicJwks(await loadOrCreateKeyFile(accessTokenKeyFile(dataDir)));
  const verified = await verifyAccessToken(jwks, session.accessToken);
  if (!verified.ok) throw new Error(`the session's access token does not verify: ${verified.problem}`);
  return signInternalIdentity(verified.identity, internalSecret, { ttlSeconds: 3600 });
}
