import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ErrorCode,
  pick,
  signAccessToken,
  type Identity,
  type Locale,
  type Logger,
  type Viewer,
} from '@bianmin/kit';
import { currentRequestInfo } from '../../http/request-info.js';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { requiresSecondFactor } from '../account/roles.js';
import { authFailure, authSession, type AuthResult } from '../sign-in/auth-result.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token.js';
import { recordSessionsRevoked, SESSION_IDS_PER_EVENT } from './session-revoked.event.js';
import { AccountSession, RefreshToken, type SessionKind } from './session.entity.js';
import { lifetimeOf } from './session.policy.js';

/** A session just issued: the tokens the client keeps, and the account for the response. */
export interface IssuedSession {
  id: string;
  kind: SessionKind;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  expiresAt: string;
  secondFactorVerified: boolean;
  account: Account;
  /** What the access token says; the rest of the response is resolved as this identity. */
  identity: Identity;
}

export type RevokeReason =
  | 'signed-out'
  | 'signed-out-everywhere'
  | 'revoked-by-user'
  | 'refresh-token-reuse'
  | 'expired'
  | 'password-changed'
  | 'account-inactive'
  | 'account-locked'
  | 'account-disabled'
  | 'enrolment-complete'
  | 'second-factor-required'
  | 'account-deleted'
  | 'roles-changed';

/**
 * The identity in the access token. A limited session (enrolment, password change) carries no
 * roles: it can reach nothing that needs one, here or in any other subgraph, until its one
 * step is done.
 */
export function identityOf(
  account: Pick<Account, 'id' | 'personId' | 'roles' | 'departmentCode'>,
  session: Pick<AccountSession, 'id' | 'kind' | 'mfa'>,
): Identity {
  return {
    accountId: account.id,
    personId: account.personId ?? null,
    roles: session.kind === 'FULL' ? [...account.roles] : [],
    department: account.departmentCode ?? null,
    sessionId: session.id,
    mfa: session.mfa,
  };
}

const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));

async function accessTokenFor(
  services: IdentityServices,
  account: Account,
  session: Pick<AccountSession, 'id' | 'kind' | 'mfa'>,
  now: number,
) {
  const identity = identityOf(account, session);
  const accessToken = await signAccessToken(await services.signingKeys(), identity, { now });
  const expires = new Date(Math.floor(now / 1000) * 1000 + ACCESS_TOKEN_TTL_SECONDS * 1000);
  return { identity, accessToken, accessTokenExpiresAt: expires.toISOString() };
}

/** Start a session for an account whose credentials (and second factor, if needed) checked out. */
export async function startSession(
  em: EntityManager,
  services: IdentityServices,
  account: Account,
  options: { kind: SessionKind; mfa: boolean },
): Promise<IssuedSession> {
  const now = services.now();
  const at = new Date(now);
  const lifetime = lifetimeOf(account.roles, options.kind);
  const request = currentRequestInfo();
  const session: AccountSession = {
    id: randomUUID(),
    accountId: account.id,
    kind: options.kind,
    mfa: options.mfa,
    createdAt: at,
    lastUsedAt: at,
    expiresAt: new Date(now + lifetime.absoluteSeconds * 1000),
    idleExpiresAt: new Date(now + Math.min(lifetime.idleSeconds, lifetime.absoluteSeconds) * 1000),
    revokedAt: null,
    revokeReason: null,
    userAgent: request.userAgent,
    ipAddress: request.ip,
  };
  const refreshToken = newSecretToken();
  const refreshRow: RefreshToken = {
    id: randomUUID(),
    sessionId: session.id,
    tokenHash: hashSecretToken(refreshToken),
    createdAt: at,
    expiresAt: session.idleExpiresAt,
    usedAt: null,
    replacedBy: null,
  };
  await em.transactional(async (tx) => {
    await tx.insert(AccountSession, session);
    await tx.insert(RefreshToken, refreshRow);
  });
  const access = await accessTokenFor(services, account, session, now);
  return {
    id: session.id,
    kind: session.kind,
    ...access,
    refreshToken,
    refreshTokenExpiresAt: refreshRow.expiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    secondFactorVerified: session.mfa,
    account,
  };
}

const sessionEnded = (locale: Locale) =>
  authFailure(
    ErrorCode.UNAUTHENTICATED,
    pick(locale, { zh: '登录已失效，请重新登录', en: 'Your session has ended. Sign in again.' }),
    'refreshToken',
  );

type RefreshStep =
  | { ok: true; account: Account; session: AccountSession; refreshToken: string; refreshExpiresAt: Date }
  | { ok: false; result: AuthResult; reuse?: boolean };

/**
 * Rotate a refresh token. Inside one transaction: the token must be unused, its session live and
 * its account active; the token is claimed with a conditional UPDATE (of two concurrent uses,
 * one wins), and a successor is issued. A token that was already used revokes its whole session.
 */
export async function refreshSession(
  em: EntityManager,
  services: IdentityServices,
  token: string,
  locale: Locale,
  log: Logger,
): Promise<AuthResult> {
  if (!looksLikeSecretToken(token)) return sessionEnded(locale);
  const now = services.now();
  const at = new Date(now);
  const tokenHash = hashSecretToken(token);
  const step = await em.transactional(async (tx): Promise<RefreshStep> => {
    const row = await tx.findOne(RefreshToken, { tokenHash });
    if (!row) return { ok: false, result: sessionEnded(locale) };
    const session = await tx.findOne(AccountSession, { id: row.sessionId });
    if (!session || session.revokedAt) return { ok: false, result: sessionEnded(locale) };
    const revoke = (reason: RevokeReason) => endSessions(tx, session.accountId, [session.id], reason, at);
    if (row.usedAt) {
      await revoke('refresh-token-reuse');
      return { ok: false, result: sessionEnded(locale), reuse: true };
    }
    if (
      now >= row.expiresAt.getTime() ||
      now >= session.expiresAt.getTime() ||
      now >= session.idleExpiresAt.getTime()
    ) {
      await revoke('expired');
      return { ok: false, result: sessionEnded(locale) };
    }
    const account = await tx.findOne(Account, { id: session.accountId });
    if (!account || account.state !== 'ACTIVE') {
      await revoke('account-inactive');
      return { ok: false, result: sessionEnded(locale) };
    }
    if (session.kind === 'FULL' && !session.mfa && requiresSecondFactor(account.roles)) {
      // Given a staff role since signing in: the new roles need a sign-in with a second factor.
      await revoke('second-factor-required');
      return { ok: false, result: sessionEnded(locale) };
    }
    const successorId = randomUUID();
    const claimed = await tx.nativeUpdate(
      RefreshToken,
      { id: row.id, usedAt: null },
      { usedAt: at, replacedBy: successorId },
    );
    if (claimed !== 1) {
      await revoke('refresh-token-reuse');
      return { ok: false, result: sessionEnded(locale), reuse: true };
    }
    const lifetime = lifetimeOf(account.roles, session.kind);
    const idleExpiresAt = earliest(new Date(now + lifetime.idleSeconds * 1000), session.expiresAt);
    const refreshToken = newSecretToken();
    await tx.insert(RefreshToken, {
      id: successorId,
      sessionId: session.id,
      tokenHash: hashSecretToken(refreshToken),
      createdAt: at,
      expiresAt: idleExpiresAt,
      usedAt: null,
      replacedBy: null,
    });
    await tx.nativeUpdate(AccountSession, { id: session.id }, { lastUsedAt: at, idleExpiresAt });
    return {
      ok: true,
      account: account as Account,
      session: { ...session, lastUsedAt: at, idleExpiresAt } as AccountSession,
      refreshToken,
      refreshExpiresAt: idleExpiresAt,
    };
  });
  if (!step.ok) {
    if (step.reuse)
      log.warn({ event: 'refresh-token-reuse' }, 'a used refresh token was presented; session revoked');
    return step.result;
  }
  const access = await accessTokenFor(services, step.account, step.session, now);
  return authSession({
    id: step.session.id,
    kind: step.session.kind,
    ...access,
    refreshToken: step.refreshToken,
    refreshTokenExpiresAt: step.refreshExpiresAt.toISOString(),
    expiresAt: step.session.expiresAt.toISOString(),
    secondFactorVerified: step.session.mfa,
    account: step.account,
  });
}

/** True while the session can be used: not revoked, not past its absolute or idle end. */
export function isLive(session: AccountSession | null | undefined, now: number): session is AccountSession {
  return (
    !!session &&
    !session.revokedAt &&
    now < new Date(session.expiresAt).getTime() &&
    now < new Date(session.idleExpiresAt).getTime()
  );
}

/** The viewer's session when it is still live (the access token may outlive a sign-out by minutes). */
export async function liveSessionOf(
  em: EntityManager,
  viewer: Viewer,
  now: number,
): Promise<AccountSession | null> {
  if (!viewer.accountId || !viewer.sessionId) return null;
  const session = await em.findOne(AccountSession, { id: viewer.sessionId });
  return isLive(session, now) && session.accountId === viewer.accountId ? session : null;
}

/**
 * End the live sessions matching `where` and announce them (`identity.session.revoked`) in the
 * same transaction — the caller's, when it has one. Returns how many were live.
 */
export async function revokeSessions(
  em: EntityManager,
  where: { accountId: string; id?: string | { $ne: string } },
  reason: RevokeReason,
  now: number,
): Promise<number> {
  const at = new Date(now);
  return em.transactional(async (tx) => {
    // Locked (PostgreSQL; SQLite has one writer anyway), so the UPDATE ends exactly these and
    // the event names exactly them; a session signed in meanwhile is neither ended nor named.
    const live = await tx.find(
      AccountSession,
      { ...where, revokedAt: null, expiresAt: { $gt: at }, idleExpiresAt: { $gt: at } },
      {
        fields: ['id'],
        orderBy: { id: 'asc' },
        lockMode: LockMode.PESSIMISTIC_WRITE,
        disableIdentityMap: true,
      },
    );
    return endSessions(
      tx,
      where.accountId,
      live.map((s) => s.id),
      reason,
      at,
    );
  });
}

/**
 * Revoke these sessions of one account and record the event(s) that announce it, inside `tx`.
 * Nothing is announced for sessions that were already revoked; returns how many this ended.
 */
async function endSessions(
  tx: EntityManager,
  accountId: string,
  sessionIds: string[],
  reason: RevokeReason,
  at: Date,
): Promise<number> {
  let ended = 0;
  for (let i = 0; i < sessionIds.length; i += SESSION_IDS_PER_EVENT) {
    const batch = sessionIds.slice(i, i + SESSION_IDS_PER_EVENT);
    const count = await tx.nativeUpdate(
      AccountSession,
      { id: { $in: batch }, accountId, revokedAt: null },
      { revokedAt: at, revokeReason: reason },
    );
    if (count > 0) await recordSessionsRevoked(tx, { accountId, sessionIds: batch, reason, at });
    ended += count;
  }
  return ended;
}

/** The account's live sessions, most recently used first. */
export async function activeSessions(
  em: EntityManager,
  accountId: string,
  now: number,
  limit: number,
): Promise<AccountSession[]> {
  const at = new Date(now);
  return em.find(
    AccountSession,
    { accountId, revokedAt: null, expiresAt: { $gt: at }, idleExpiresAt: { $gt: at } },
    { orderBy: { lastUsedAt: 'desc', id: 'asc' }, limit },
  );
}
