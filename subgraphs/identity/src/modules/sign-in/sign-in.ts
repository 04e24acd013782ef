import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, pick, type Locale, type Logger } from '@bianmin/kit';
import { currentRequestInfo } from '../../http/request-info.js';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { parseLogin } from '../account/login.js';
import { QueueFullError } from '../password/semaphore.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../session/secret-token.js';
import { CHALLENGE_MAX_FAILURES, CHALLENGE_SECONDS, sessionKindFor } from '../session/session.policy.js';
import { startSession } from '../session/session.service.js';
import { checkSecondFactor } from '../totp/second-factor.js';
import {
  authChallenge,
  authFailure,
  authSession,
  busy,
  minutesUntil,
  rateLimited,
  type AuthResult,
} from './auth-result.js';
import { SignInChallenge } from './challenge.entity.js';
import { Attempt, throttleKey } from './throttle.js';

/** Longer input is no password we could have stored (128 characters, up to 4 bytes each). */
const MAX_PASSWORD_INPUT = 512;

export interface SignInInput {
  login: string;
  password: string;
}

const wrongCredentials = (locale: Locale, remaining: number, lockMs: number): AuthResult => {
  if (remaining === 0) {
    const minutes = minutesUntil(lockMs);
    return authFailure(
      ErrorCode.UNAUTHENTICATED,
      pick(locale, {
        zh: `账号或密码不正确。错误次数过多，请 ${minutes} 分钟后再试`,
        en: `Wrong login or password. Too many failed attempts: try again in ${minutes} minutes.`,
      }),
      null,
      Math.ceil(lockMs / 1000),
    );
  }
  const hint =
    remaining <= 3
      ? pick(locale, {
          zh: `，还可尝试 ${remaining} 次`,
          en: ` ${remaining} attempt${remaining === 1 ? '' : 's'} left before a pause.`,
        })
      : '';
  return authFailure(
    ErrorCode.UNAUTHENTICATED,
    pick(locale, { zh: `账号或密码不正确${hint}`, en: `Wrong login or password.${hint}` }),
  );
};

async function issueAfterPassword(
  em: EntityManager,
  services: IdentityServices,
  account: Account,
): Promise<AuthResult> {
  if (account.totpEnabled) {
    const token = newSecretToken();
    const now = services.now();
    const request = currentRequestInfo();
    const expiresAt = new Date(now + CHALLENGE_SECONDS * 1000);
    await em.insert(SignInChallenge, {
      id: randomUUID(),
      tokenHash: hashSecretToken(token),
      accountId: account.id,
      createdAt: new Date(now),
      expiresAt,
      usedAt: null,
      failedAttempts: 0,
      userAgent: request.userAgent,
      ipAddress: request.ip,
    });
    return authChallenge(token, expiresAt);
  }
  // Staff who have not enrolled yet, or an account with an initial password, get a 15-minute
  // session with no roles, good only for that one step.
  return authSession(
    await startSession(em, services, account, { kind: sessionKindFor(account), mfa: false }),
  );
}

/**
 * Password sign-in. The attempt is counted before the password is checked (per login + IP, per
 * login, and per IP when the gateway forwards it); a refused attempt never reaches argon2, so
 * during a lockout even the right password does not sign in. Unknown logins cost the same
 * argon2 verification as known ones and get the same answer.
 */
export async function signIn(
  em: EntityManager,
  services: IdentityServices,
  input: SignInInput,
  locale: Locale,
  log: Logger,
): Promise<AuthResult> {
  const login = parseLogin(input.login);
  if (!login) {
    return authFailure(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '请输入 11 位手机号或用户名',
        en: 'Enter your 11-digit mobile number or your username.',
      }),
      'login',
    );
  }
  if (input.password.length === 0 || input.password.length > MAX_PASSWORD_INPUT) {
    return authFailure(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '请输入密码', en: 'Enter your password.' }),
      'password',
    );
  }
  const account = (await em.findOne(
    Account,
    login.phone ? { phone: login.phone } : { username: login.username },
  )) as Account | null;
  // Counted per account (phone and username share one count), or per login string when there is
  // no such account; the caller cannot tell which.
  const subject = account
    ? `account:${account.id}`
    : login.phone
      ? `phone:${login.phone}`
      : `username:${login.username}`;
  const request = currentRequestInfo();
  const { throttles } = services;
  const attempt = await Attempt.take([
    { throttle: throttles.signInAccountIp, key: throttleKey(subject, request.ip ?? 'unknown') },
    { throttle: throttles.signInAccount, key: throttleKey(subject) },
    ...(request.ipSource === 'forwarded' && request.ip
      ? [{ throttle: throttles.signInIp, key: throttleKey(request.ip) }]
      : []),
  ]);
  if (attempt.refusedForMs !== null) return rateLimited(locale, attempt.refusedForMs);

  let matches: boolean;
  try {
    matches = await services.hasher.verify(account?.passwordHash ?? null, input.password);
  } catch (error) {
    if (!(error instanceof QueueFullError)) throw error;
    await attempt.cancelled();
    return busy(locale);
  }
  if (!account || !matches) {
    const remaining = await attempt.failed();
    log.info({ event: 'sign-in-failed', accountId: account?.id ?? null }, 'sign-in failed');
    return wrongCredentials(locale, remaining, services.throttles.signInAccountIp.rule.blockSeconds * 1000);
  }
  await attempt.succeeded();
  if (account.state !== 'ACTIVE') {
    return authFailure(
      ErrorCode.FORBIDDEN,
      account.state === 'LOCKED'
        ? pick(locale, {
            zh: '账号已被锁定，请联系管理员',
            en: 'This account is locked. Contact an administrator.',
          })
        : pick(locale, { zh: '账号已停用', en: 'This account is disabled.' }),
    );
  }
  if (services.hasher.needsRehash(account.passwordHash)) {
    // Parameters were raised since this hash was made: store a stronger one while we have the password.
    const passwordHash = await services.hasher.hash(input.password);
    await em.nativeUpdate(
      Account,
      { id: account.id, version: account.version },
      { passwordHash, version: account.version + 1 },
    );
  }
  log.info({ event: 'signed-in', accountId: account.id }, 'password accepted');
  return issueAfterPassword(em, services, account);
}

export interface VerifySecondFactorInput {
  challengeToken: string;
  code: string;
}

const challengeEnded = (locale: Locale) =>
  authFailure(
    ErrorCode.UNAUTHENTICATED,
    pick(locale, {
      zh: '验证已过期或已使用，请重新登录',
      en: 'This sign-in step has expired or was already used. Sign in again.',
    }),
    'challengeToken',
  );

/** The second step: a live, unused challenge and a right TOTP (or recovery) code → a session with `mfa`. */
export async function verifySecondFactor(
  em: EntityManager,
  services: IdentityServices,
  input: VerifySecondFactorInput,
  locale: Locale,
  log: Logger,
): Promise<AuthResult> {
  if (!looksLikeSecretToken(input.challengeToken)) return challengeEnded(locale);
  if (input.code.trim().length === 0 || input.code.length > 32) {
    return authFailure(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '请输入验证器上的 6 位数字或恢复码',
        en: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
      }),
      'code',
    );
  }
  const now = services.now();
  const challenge = await em.findOne(SignInChallenge, { tokenHash: hashSecretToken(input.challengeToken) });
  if (!challenge || challenge.usedAt || now >= challenge.expiresAt.getTime()) return challengeEnded(locale);

  const attempt = await Attempt.take([
    { throttle: services.throttles.secondFactor, key: throttleKey('second-factor', challenge.accountId) },
  ]);
  if (attempt.refusedForMs !== null) return rateLimited(locale, attempt.refusedForMs);

  const account = (await em.findOne(Account, { id: challenge.accountId })) as Account | null;
  if (!account || account.state !== 'ACTIVE') {
    await em.nativeUpdate(SignInChallenge, { id: challenge.id }, { usedAt: new Date(now) });
    return challengeEnded(locale);
  }
  const method = await checkSecondFactor(em, services, account, input.code);
  if (!method) {
    await attempt.failed();
    const failures = challenge.failedAttempts + 1;
    await em.nativeUpdate(
      SignInChallenge,
      { id: challenge.id, failedAttempts: challenge.failedAttempts },
      { failedAttempts: failures, ...(failures >= CHALLENGE_MAX_FAILURES ? { usedAt: new Date(now) } : {}) },
    );
    log.info({ event: 'second-factor-failed', accountId: account.id }, 'wrong second-factor code');
    return authFailure(
      ErrorCode.UNAUTHENTICATED,
      failures >= CHALLENGE_MAX_FAILURES
        ? pick(locale, {
            zh: '验证码错误次数过多，请重新登录',
            en: 'Too many wrong codes. Sign in again.',
          })
        : pick(locale, {
            zh: '验证码不正确，请输入验证器上当前显示的 6 位数字',
            en: 'That code is not right. Enter the 6-digit code your authenticator app shows now.',
          }),
      'code',
    );
  }
  // Single use: of two requests racing with one challenge, only one claims it.
  const claimed = await em.nativeUpdate(
    SignInChallenge,
    { id: challenge.id, usedAt: null },
    { usedAt: new Date(now) },
  );
  if (claimed !== 1) return challengeEnded(locale);
  await attempt.succeeded();
  log.info({ event: 'second-factor-passed', accountId: account.id, method }, 'second factor accepted');
  const fresh = (await em.fork().findOneOrFail(Account, { id: account.id })) as Account;
  return authSession(await startSession(em, services, fresh, { kind: sessionKindFor(fresh), mfa: true }));
}
