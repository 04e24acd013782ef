import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, pick, type Failure, type Locale, type Message, type Viewer } from '@bianmin/kit';
import { isFailure, requireSignedIn, type SignedIn } from '../session/session.guard.js';
import { ADMINISTRATOR_ROLE, AUDITOR_ROLE } from './roles.js';

const SECOND_FACTOR: Message = {
  zh: '此操作需要通过双因素认证的登录',
  en: 'This needs a sign-in with a second factor.',
};

/**
 * Administrators only, judged by the account's CURRENT roles (not the token's), never an account
 * that is also auditor (separation of duties), with a session that passed the second factor.
 * `auditorsMayRead` lets auditors through as well, for operations that only read.
 */
export async function requireAdministrator(
  em: EntityManager,
  now: number,
  viewer: Viewer,
  locale: Locale,
  denied: Message,
  options: { auditorsMayRead?: boolean } = {},
): Promise<SignedIn | Failure> {
  const signedIn = await requireSignedIn(em, viewer, now, locale);
  if (isFailure(signedIn)) return signedIn;
  const roles = signedIn.account.roles;
  const admin = roles.includes(ADMINISTRATOR_ROLE) && !roles.includes(AUDITOR_ROLE);
  const reader =
    options.auditorsMayRead === true && (roles.includes(ADMINISTRATOR_ROLE) || roles.includes(AUDITOR_ROLE));
  if (!admin && !reader) return fail(ErrorCode.FORBIDDEN, pick(locale, denied));
  if (!viewer.mfa || !signedIn.session.mfa) return fail(ErrorCode.FORBIDDEN, pick(locale, SECOND_FACTOR));
  return signedIn;
}
