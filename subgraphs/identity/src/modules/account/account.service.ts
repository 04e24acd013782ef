import type { EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pick,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import { currentRequestInfo } from '../../http/request-info.js';
import type { IdentityServices } from '../../services.js';
import { checkPassword, PASSWORD_MESSAGES } from '../password/password-policy.js';
import { QueueFullError } from '../password/semaphore.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { sessionKindFor } from '../session/session.policy.js';
import { revokeSessions, startSession, type IssuedSession } from '../session/session.service.js';
import { Attempt, throttleKey } from '../sign-in/throttle.js';
import { Account, type AccountState } from './account.entity.js';
import { requireAdministrator } from './administrator.guard.js';

/**
 * Change the password: the current one must be right (wrong guesses count towards the same
 * lockout as sign-in), the new one must follow the rules. Other sessions are signed out. In a
 * session limited to replacing an initial password, that session ends too and the result
 * carries the full session that replaces it (with the second factor it had passed).
 */
export async function changePassword(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { currentPassword: string; newPassword: string },
  locale: Locale,
  log: Logger,
): Promise<Result<{ revokedSessions: number; session: IssuedSession | null }> | Failure> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale, { allowPasswordChange: true });
  if (isFailure(signedIn)) return signedIn;
  const { account, session } = signedIn;
  const problem = checkPassword(args.newPassword, { phone: account.phone, username: account.username });
  if (problem) return fail(ErrorCode.BAD_USER_INPUT, pick(locale, PASSWORD_MESSAGES[problem]), 'newPassword');
  if (args.newPassword === args.currentPassword) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '新密码不能与当前密码相同',
        en: 'The new password must differ from the current one.',
      }),
      'newPassword',
    );
  }
  const attempt = await Attempt.take([
    {
      throttle: services.throttles.signInAccountIp,
      key: throttleKey('change-password', account.id, currentRequestInfo().ip ?? 'unknown'),
    },
  ]);
  if (attempt.refusedForMs !== null) {
    const minutes = Math.ceil(attempt.refusedForMs / 60_000);
    return fail(
      ErrorCode.RATE_LIMITED,
      pick(locale, {
        zh: `尝试次数过多，请 ${minutes} 分钟后再试`,
        en: `Too many attempts. Try again in ${minutes} minutes.`,
      }),
    );
  }
  let passwordHash: string;
  try {
    if (
      args.currentPassword.length > 512 ||
      !(await services.hasher.verify(account.passwordHash, args.currentPassword))
    ) {
      await attempt.failed();
      return fail(
        ErrorCode.UNAUTHENTICATED,
        pick(locale, { zh: '当前密码不正确', en: 'The current password is not right.' }),
        'currentPassword',
      );
    }
    passwordHash = await services.hasher.hash(args.newPassword);
  } catch (error) {
    if (!(error instanceof QueueFullError)) throw error;
    await attempt.cancelled();
    return fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, { zh: '系统繁忙，请稍后再试', en: 'Busy. Try again in a moment.' }),
    );
  }
  await attempt.succeeded();
  const limited = session.kind === 'PASSWORD_CHANGE';
  const revoked = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      Account,
      { id: account.id, version: account.version },
      {
        passwordHash,
        passwordChangedAt: new Date(now),
        passwordChangeRequired: false,
        version: account.version + 1,
      },
    );
    if (changed !== 1) return null;
    const others = await revokeSessions(
      tx,
      { accountId: account.id, id: { $ne: session.id } },
      'password-changed',
      now,
    );
    if (limited) await revokeSessions(tx, { accountId: account.id, id: session.id }, 'password-changed', now);
    return others;
  });
  if (revoked === null) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '账号信息刚被修改，请重试', en: 'The account changed meanwhile. Try again.' }),
    );
  }
  log.info(
    { event: 'password-changed', accountId: account.id, revokedSessions: revoked },
    'password changed',
  );
  if (!limited) return ok({ revokedSessions: revoked, session: null });
  const fresh = (await em.fork().findOneOrFail(Account, { id: account.id })) as Account;
  const full = await startSession(em, services, fresh, { kind: sessionKindFor(fresh), mfa: session.mfa });
  return ok({ revokedSessions: revoked, session: full });
}

/**
 * An administrator locks, disables or reactivates an account. Needs a session that passed the
 * second factor and an account that is administrator and not auditor; never the administrator's
 * own account. Locking or disabling ends every session.
 */
export async function setAccountState(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { id: string; state: AccountState },
  locale: Locale,
  log: Logger,
): Promise<Result<{ account: Account }> | Failure> {
  const now = services.now();
  const signedIn = await requireAdministrator(em, now, viewer, locale, {
    zh: '只有管理员可以修改账号状态，审计员不可以',
    en: 'Only administrators may change account states; auditors may not.',
  });
  if (isFailure(signedIn)) return signedIn;
  if (args.id === signedIn.account.id) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '不能修改自己的账号状态', en: 'You cannot change the state of your own account.' }),
      'id',
    );
  }
  const target =
    args.id.length <= 36 ? ((await em.findOne(Account, { id: args.id })) as Account | null) : null;
  if (!target) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个账号', en: 'There is no such account.' }),
      'id',
    );
  }
  const revoked = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      Account,
      { id: target.id, version: target.version },
      { state: args.state, version: target.version + 1 },
    );
    if (changed !== 1) return null;
    if (args.state === 'ACTIVE') return 0;
    const reason = args.state === 'LOCKED' ? 'account-locked' : 'account-disabled';
    return revokeSessions(tx, { accountId: target.id }, reason, now);
  });
  if (revoked === null) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '账号信息刚被修改，请重试', en: 'The account changed meanwhile. Try again.' }),
    );
  }
  log.info(
    {
      event: 'account-state-changed',
      accountId: target.id,
      by: signedIn.account.id,
      state: args.state,
      revoked,
    },
    'account state changed',
  );
  return ok({ account: (await em.fork().findOneOrFail(Account, { id: target.id })) as Account });
}
