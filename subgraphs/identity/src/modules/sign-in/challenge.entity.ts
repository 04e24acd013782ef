import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The second step of a sign-in that needs a second factor: a short-lived, single-use challenge
 * (by the hash of its token) that a correct TOTP or recovery code turns into a session.
 */
export const SignInChallenge = defineEntity({
  name: 'SignInChallenge',
  tableName: 'sign_in_challenge',
  properties: {
    id: p.string().length(36).primary(),
    tokenHash: p.string().length(64).unique(),
    accountId: p.string().length(36).index(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    failedAttempts: p.integer(),
    userAgent: p.string().length(256).nullable(),
    ipAddress: p.string().length(64).nullable(),
  },
});
export type SignInChallenge = InferEntity<typeof SignInChallenge>;
