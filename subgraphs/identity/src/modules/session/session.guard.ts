import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, pick, type Failure, type Locale, type Viewer } from '@bianmin/kit';
import { Account } from '../account/account.entity.js';
import type { AccountSession } from './session.entity.js';
import { liveSessionOf } from './session.service.js';

export interface SignedIn {
  session: AccountSession;
  account: Account;
}

/**
 * The viewer's live session and active account, for identity's own signed-in operations. The
 * access token alone is not enough here: a session signed out a minute ago still has a valid
 * token, but it cannot change a password or reveal data. Limited sessions are refused unless the
 * operation is their one step: enrolment for an enrolment-only session, `changePassword` for a
 * session that must replace an initial password.
 */
export async function requireSignedIn(
  em: EntityManager,
  viewer: Viewer,
  now: number,
  locale: Locale,
  options: { allowEnrolment?: boolean; allowPasswordChange?: boolean } = {},
): Promise<SignedIn | Failure> {
  const session = await liveSessionOf(em, viewer, now);
  const account = session ? ((await em.findOne(Account, { id: session.accountId })) as Account | null) : null;
  if (!session || !account || account.state !== 'ACTIVE') {
    return fail(
      ErrorCode.UNAUTHENTICATED,
      pick(locale, { zh: '登录已失效，请重新登录', en: 'Your session has ended. Sign in again.' }),
    );
  }
  if (session.kind === 'ENROLMENT' && !options.allowEnrolment) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '请先完成双因素认证（TOTP）绑定',
        en: 'Enrol two-factor authentication (TOTP) first.',
      }),
    );
  }
  if (session.kind === 'PASSWORD_CHANGE' && !options.allowPasswordChange) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '请先修改管理员设置的初始密码',
        en: 'Replace the initial password your administrator set first.',
      }),
    );
  }
  return { session, account };
}

export const isFailure = (value: object): value is Failure => 'ok' in value && value.ok === false;
