import type { Account } from '../account/account.entity.js';
import { requiresSecondFactor } from '../account/roles.js';
import type { SessionKind } from './session.entity.js';

export interface SessionLifetime {
  /** The session ends when it is not refreshed for this long. */
  idleSeconds: number;
  /** …and in any case this long after sign-in. */
  absoluteSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Staff sessions are short (a working day, 30 idle minutes); residents stay signed in on their phone. */
export const STAFF_SESSION: SessionLifetime = { idleSeconds: 30 * MINUTE, absoluteSeconds: 12 * HOUR };
export const RESIDENT_SESSION: SessionLifetime = { idleSeconds: 7 * DAY, absoluteSeconds: 30 * DAY };
/** Long enough to scan a QR code and type one code, or to choose a new password; never longer. */
export const LIMITED_SESSION: SessionLifetime = { idleSeconds: 15 * MINUTE, absoluteSeconds: 15 * MINUTE };
/** A second-factor challenge lives this long. */
export const CHALLENGE_SECONDS = 5 * MINUTE;
/** Wrong codes one challenge tolerates before it is spent. */
export const CHALLENGE_MAX_FAILURES = 5;

export function lifetimeOf(roles: readonly string[], kind: SessionKind): SessionLifetime {
  if (kind !== 'FULL') return LIMITED_SESSION;
  return requiresSecondFactor(roles) ? STAFF_SESSION : RESIDENT_SESSION;
}

/**
 * The session an account gets once its credentials (and second factor, when enrolled) checked
 * out: staff without TOTP enrol first, then an account with an initial password replaces it,
 * and only then is the session full.
 */
export function sessionKindFor(
  account: Pick<Account, 'roles' | 'totpEnabled' | 'passwordChangeRequired'>,
): SessionKind {
  if (requiresSecondFactor(account.roles) && !account.totpEnabled) return 'ENROLMENT';
  if (account.passwordChangeRequired) return 'PASSWORD_CHANGE';
  return 'FULL';
}
