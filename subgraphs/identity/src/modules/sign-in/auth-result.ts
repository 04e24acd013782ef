import { ErrorCode, pick, type Locale, type UserError } from '@bianmin/kit';
import type { IssuedSession } from '../session/session.service.js';

/** What signUp, signIn, verifySecondFactor and refreshSession return (AuthResult in the SDL). */
export interface AuthResult {
  ok: boolean;
  error: UserError | null;
  session: IssuedSession | null;
  secondFactorRequired: boolean;
  challengeToken: string | null;
  challengeExpiresAt: string | null;
  totpEnrolmentRequired: boolean;
  passwordChangeRequired: boolean;
  retryAfterSeconds: number | null;
}

const EMPTY = {
  session: null,
  secondFactorRequired: false,
  challengeToken: null,
  challengeExpiresAt: null,
  totpEnrolmentRequired: false,
  passwordChangeRequired: false,
  retryAfterSeconds: null,
};

export function authFailure(
  code: ErrorCode,
  message: string,
  field?: string | null,
  retryAfterSeconds?: number | null,
): AuthResult {
  return {
    ...EMPTY,
    ok: false,
    error: { code, message, field: field ?? null },
    retryAfterSeconds: retryAfterSeconds ?? null,
  };
}

export function authSession(session: IssuedSession): AuthResult {
  return {
    ...EMPTY,
    ok: true,
    error: null,
    session,
    totpEnrolmentRequired: session.kind === 'ENROLMENT',
    passwordChangeRequired: session.kind === 'PASSWORD_CHANGE',
  };
}

export function authChallenge(token: string, expiresAt: Date): AuthResult {
  return {
    ...EMPTY,
    ok: true,
    error: null,
    secondFactorRequired: true,
    challengeToken: token,
    challengeExpiresAt: expiresAt.toISOString(),
  };
}

export const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Too many attempts: when to try again, in minutes, in the caller's language. */
export function rateLimited(locale: Locale, ms: number): AuthResult {
  const minutes = minutesUntil(ms);
  return authFailure(
    ErrorCode.RATE_LIMITED,
    pick(locale, {
      zh: `尝试次数过多，请 ${minutes} 分钟后再试`,
      en: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    }),
    null,
    Math.ceil(ms / 1000),
  );
}

export function busy(locale: Locale): AuthResult {
  return authFailure(
    ErrorCode.UNAVAILABLE,
    pick(locale, { zh: '登录人数较多，请稍后再试', en: 'Sign-in is busy. Try again in a moment.' }),
  );
}
