import type { EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  maskPhone,
  ok,
  pick,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { requireSignedIn, isFailure } from '../session/session.guard.js';
import { sessionKindFor } from '../session/session.policy.js';
import { revokeSessions, startSession, type IssuedSession } from '../session/session.service.js';
import { Attempt, throttleKey } from '../sign-in/throttle.js';
import { claimTotpStep } from './second-factor.js';
import {
  enrolmentPicture,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  recoveryEntries,
  totpFor,
} from './totp.js';

const changedMeanwhile = (locale: Locale) =>
  fail(
    ErrorCode.CONFLICT,
    pick(locale, { zh: '账号信息刚被修改，请重试', en: 'The account changed meanwhile. Try again.' }),
  );

export type Enrolment = Result<{
  otpauthUri: string;
  qrCodeDataUrl: string;
  secret: string;
  recoveryCodes: string[];
}>;

/**
 * Start (or restart) TOTP enrolment: a new secret and recovery codes wait, sealed, until a code
 * from the app confirms that the person has them.
 */
export async function enrolTotp(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  locale: Locale,
): Promise<Enrolment | Failure> {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale, { allowEnrolment: true });
  if (isFailure(signedIn)) return signedIn;
  const { account } = signedIn;
  if (account.totpEnabled) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '已启用双因素认证', en: 'Two-factor authentication is already on.' }),
    );
  }
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const changed = await em.nativeUpdate(
    Account,
    { id: account.id, version: account.version },
    {
      totpPendingSecret: services.secretBox.seal(secret, account.id),
      pendingRecoveryCodes: recoveryEntries(account.id, recoveryCodes),
      version: account.version + 1,
    },
  );
  if (changed !== 1) return changedMeanwhile(locale);
  const totp = totpFor(secret, account.username ?? maskPhone(account.phone), services.totpIssuer);
  const picture = await enrolmentPicture(totp);
  return ok({ otpauthUri: picture.uri, qrCodeDataUrl: picture.qrCodeDataUrl, secret, recoveryCodes });
}

/**
 * Finish enrolment with a code from the app. An enrolment-only session is then replaced by a
 * full session that has passed the second factor (the code just checked).
 */
export async function confirmTotp(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  code: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ session: IssuedSession | null }> | Failure> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale, { allowEnrolment: true });
  if (isFailure(signedIn)) return signedIn;
  const { account, session } = signedIn;
  if (account.totpEnabled) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '已启用双因素认证', en: 'Two-factor authentication is already on.' }),
    );
  }
  if (!account.totpPendingSecret || !account.pendingRecoveryCodes) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '请先开始绑定（enrolTotp）', en: 'Start enrolment first (enrolTotp).' }),
    );
  }
  const attempt = await Attempt.take([
    { throttle: services.throttles.secondFactor, key: throttleKey('second-factor', account.id) },
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
  const secret = services.secretBox.open(account.totpPendingSecret, account.id);
  const step = /^\d{6}$/.test(code.trim()) ? matchTotp(secret, code.trim(), now) : null;
  if (step === null) {
    await attempt.failed();
    return fail(
      ErrorCode.UNAUTHENTICATED,
      pick(locale, {
        zh: '验证码不正确，请输入验证器上当前显示的 6 位数字',
        en: 'That code is not right. Enter the 6-digit code your authenticator app shows now.',
      }),
      'code',
    );
  }
  const changed = await em.nativeUpdate(
    Account,
    { id: account.id, version: account.version },
    {
      totpSecret: account.totpPendingSecret,
      totpEnabled: true,
      totpLastStep: null,
      totpPendingSecret: null,
      recoveryCodes: account.pendingRecoveryCodes,
      pendingRecoveryCodes: null,
      version: account.version + 1,
    },
  );
  if (changed !== 1) return changedMeanwhile(locale);
  await claimTotpStep(em, account.id, step);
  await attempt.succeeded();
  log.info({ event: 'totp-enrolled', accountId: account.id }, 'TOTP enrolled');
  if (session.kind !== 'ENROLMENT') return ok({ session: null });
  await revokeSessions(em, { accountId: account.id, id: session.id }, 'enrolment-complete', now);
  const fresh = (await em.fork().findOneOrFail(Account, { id: account.id })) as Account;
  // Enrolled: a full session, or one more limited step when the initial password must go.
  return ok({ session: await startSession(em, services, fresh, { kind: sessionKindFor(fresh), mfa: true }) });
}
