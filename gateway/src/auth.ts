import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ANONYMOUS_IDENTITY,
  ErrorCode,
  loadOrCreateKeyFile,
  publicJwks,
  sendJson,
  verifyAccessToken,
  type Identity,
  type Logger,
} from '@bianmin/kit';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { decodeJwt, type JSONWebKeySet } from 'jose';
import type { RevokedSessions } from './revoked-sessions.js';

/**
 * The public keys that access tokens are checked against. They come from the key file that the
 * identity service signs with (current + next + recently retired keys), re-read when it changes,
 * so a rotation is picked up without a restart and without refusing any valid token.
 */
export class TokenKeys {
  private jwks: JSONWebKeySet = { keys: [] };
  private mtimeMs = -1;
  /**
   * Tokens already verified, until they expire: a signed-in browser sends the same token with
   * every request for its whole lifetime, and checking an Ed25519 signature again each time is the
   * costliest step of a request's context. Emptied whenever the keys change (a retired key stops
   * vouching for a token at once). Revocation is checked on every request regardless.
   */
  private readonly verified = new Map<string, { identity: Identity; expiresAtMs: number }>();

  constructor(
    private readonly keyFile: string,
    private readonly log: Logger,
    private readonly verifiedMax = 10_000,
  ) {}

  /** Verify an access token (see kit's `verifyAccessToken`), remembering good ones until they expire. */
  async verify(token: string, now = Date.now()): ReturnType<typeof verifyAccessToken> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > now) return { ok: true, identity: known.identity };
    if (known) this.verified.delete(token);
    const result = await verifyAccessToken(this.jwks, token, { now });
    if (result.ok) {
      const exp = decodeJwt(token).exp!; // verified tokens carry exp (a required claim)
      if (this.verified.size >= this.verifiedMax) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { identity: result.identity, expiresAtMs: exp * 1000 });
    }
    return result;
  }

  async load(): Promise<void> {
    const mtimeMs = statSync(this.keyFile, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (mtimeMs === this.mtimeMs && this.jwks.keys.length > 0) return;
    this.jwks = publicJwks(await loadOrCreateKeyFile(this.keyFile));
    this.verified.clear();
    this.mtimeMs = statSync(this.keyFile).mtimeMs;
    this.log.info({ kids: this.jwks.keys.map((k) => k.kid) }, 'access-token keys loaded');
  }

  get current(): JSONWebKeySet {
    return this.jwks;
  }

  /** `GET /.well-known/jwks.json` — cacheable for a few minutes; rotation publishes keys early. */
  route = (_req: IncomingMessage, res: ServerResponse) =>
    sendJson(res, 200, this.jwks, { 'cache-control': 'public, max-age=300' });
}

/**
 * The caller's identity from `Authorization: Bearer <access token>`. No header: anonymous. A token
 * that fails any check (algorithm, signature, issuer, audience, expiry, unknown key) refuses the
 * whole request with 401, so the client refreshes or signs in again. So does a valid token of a
 * session identity has revoked since (`revoked`): to clients it is just an invalid token.
 */
export async function identityFromRequest(
  req: IncomingMessage,
  keys: TokenKeys,
  revoked?: Pick<RevokedSessions, 'has'>,
): Promise<Identity> {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS_IDENTITY;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header);
  const verified = match ? await keys.verify(match[1]!) : null;
  if (verified?.ok) {
    const sessionId = verified.identity.sessionId;
    if (sessionId && revoked?.has(sessionId)) {
      throw tokenRefused('TOKEN_INVALID', 'The session has ended; sign in again.');
    }
    return verified.identity;
  }
  if (verified?.problem === 'expired') {
    throw tokenRefused('TOKEN_EXPIRED', 'The access token has expired; refresh the session.');
  }
  throw tokenRefused('TOKEN_INVALID', 'The access token is not valid.');
}

function tokenRefused(reason: 'TOKEN_EXPIRED' | 'TOKEN_INVALID', message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      reason,
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) },
    },
  });
}
