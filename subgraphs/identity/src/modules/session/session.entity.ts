import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * FULL: a normal session. The others are limited: they carry no roles and last 15 minutes.
 * ENROLMENT: staff who must enrol TOTP before they get their roles. PASSWORD_CHANGE: an account
 * that must replace the initial password an administrator handed over before it gets its roles.
 */
export type SessionKind = 'FULL' | 'ENROLMENT' | 'PASSWORD_CHANGE';

/**
 * 会话 — one signed-in device: the family of its rotating refresh tokens. Revoking it ends every
 * refresh token in the family; access tokens it issued expire within minutes.
 */
export const AccountSession = defineEntity({
  name: 'AccountSession',
  tableName: 'account_session',
  properties: {
    id: p.string().length(36).primary(),
    accountId: p.string().length(36).index(),
    kind: p.string().length(16).$type<SessionKind>(),
    /** True when the session passed a second factor. */
    mfa: p.boolean(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime(),
    /** Absolute end, whatever the activity. */
    expiresAt: p.datetime(),
    /** Ends earlier when no refresh happens before this time. */
    idleExpiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revokeReason: p.string().length(40).nullable(),
    userAgent: p.string().length(256).nullable(),
    ipAddress: p.string().length(64).nullable(),
  },
});
export type AccountSession = InferEntity<typeof AccountSession>;

/**
 * A refresh token of a session, by its SHA-256 hash (the token itself is never stored). Each one
 * is used once: refreshing marks it used and issues its replacement; presenting a used one again
 * means it was copied, and the whole session is revoked.
 */
export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.string().length(36).primary(),
    sessionId: p.string().length(36).index(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    replacedBy: p.string().length(36).nullable(),
  },
});
export type RefreshToken = InferEntity<typeof RefreshToken>;
