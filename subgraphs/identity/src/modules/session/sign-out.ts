import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { hashSecretToken, looksLikeSecretToken } from './secret-token.js';
import { RefreshToken } from './session.entity.js';
import { isFailure, requireSignedIn } from './session.guard.js';
import { revokeSessions } from './session.service.js';

/**
 * Sign out: the current session, plus the session of `refreshToken` when it is the same
 * account's; or every session with `everywhere`. Idempotent: signing out twice is fine.
 */
export async function signOut(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { refreshToken?: string | null; everywhere?: boolean | null },
  locale: Locale,
): Promise<Result<{ revokedSessions: number }> | Failure> {
  const accountId = viewer.accountId;
  if (!accountId) {
    return fail(ErrorCode.UNAUTHENTICATED, pick(locale, { zh: '请先登录', en: 'Sign in first.' }));
  }
  const now = services.now();
  if (args.everywhere) {
    return ok({ revokedSessions: await revokeSessions(em, { accountId }, 'signed-out-everywhere', now) });
  }
  let revokedSessions = 0;
  if (viewer.sessionId) {
    revokedSessions += await revokeSessions(em, { accountId, id: viewer.sessionId }, 'signed-out', now);
  }
  if (args.refreshToken && looksLikeSecretToken(args.refreshToken)) {
    const row = await em.findOne(RefreshToken, { tokenHash: hashSecretToken(args.refreshToken) });
    if (row && row.sessionId !== viewer.sessionId) {
      // The accountId condition keeps this to the caller's own sessions.
      revokedSessions += await revokeSessions(em, { accountId, id: row.sessionId }, 'signed-out', now);
    }
  }
  return ok({ revokedSessions });
}

/** End one of the caller's own sessions by id; NOT_FOUND for anyone else's (or an ended one). */
export async function revokeOwnSession(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  id: string,
  locale: Locale,
): Promise<Result<object> | Failure> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale);
  if (isFailure(signedIn)) return signedIn;
  const revoked =
    id.length <= 36
      ? await revokeSessions(em, { accountId: signedIn.account.id, id }, 'revoked-by-user', now)
      : 0;
  if (revoked === 0) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个会话，或它已结束', en: 'There is no such session, or it has ended.' }),
      'id',
    );
  }
  return ok({});
}
