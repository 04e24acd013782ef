import { randomUUID } from 'node:crypto';
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
import type { IdentityServices } from '../../services.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import {
  CONSENT_PURPOSES,
  ConsentRecord,
  REQUIRED_CONSENT_PURPOSES,
  type ConsentPurpose,
} from './consent-record.entity.js';

/**
 * The version of the terms and privacy policy (《用户服务协议》《个人信息保护政策》) in force. Raise
 * it when either text changes; consents given to an older version stay on record as they were.
 */
export const CURRENT_POLICY_VERSION = '2026-11';

/** What a resident agrees to by signing up: the terms and the processing needed to serve them. */
export const SIGN_UP_CONSENTS: readonly ConsentPurpose[] = REQUIRED_CONSENT_PURPOSES;

const requestIdOf = (requestId: string) => requestId.slice(0, 64);

/** The consent rows a grant of `purposes` writes (also the bulk path's, for imported residents). */
export function consentRows(
  who: { accountId: string; personId: string },
  purposes: readonly ConsentPurpose[],
  policyVersion: string,
  requestId: string,
  at: Date,
): ConsentRecord[] {
  return purposes.map((purpose) => ({
    id: randomUUID(),
    ...who,
    purpose,
    policyVersion,
    grantedAt: at,
    requestId: requestIdOf(requestId),
    withdrawnAt: null,
    endReason: null,
    withdrawRequestId: null,
  }));
}

/** New consent rows for `purposes` (inside the caller's transaction, e.g. sign-up's). */
export async function insertConsents(
  em: EntityManager,
  who: { accountId: string; personId: string },
  purposes: readonly ConsentPurpose[],
  policyVersion: string,
  requestId: string,
  at: Date,
): Promise<ConsentRecord[]> {
  const rows = consentRows(who, purposes, policyVersion, requestId, at);
  for (const row of rows) await em.insert(ConsentRecord, row);
  return rows;
}

async function personOf(em: EntityManager, services: IdentityServices, viewer: Viewer, locale: Locale) {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  const { account } = signedIn;
  if (!account.personId) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '该账号没有关联的个人信息', en: 'This account has no personal record.' }),
    );
  }
  return { accountId: account.id, personId: account.personId };
}

/** Every consent record of the signed-in person, newest first: the whole history, withdrawn ones too. */
export async function myConsents(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  locale: Locale,
): Promise<ConsentRecord[] | Failure> {
  const who = await personOf(em, services, viewer, locale);
  if (isFailure(who)) return who;
  return (await em.find(
    ConsentRecord,
    { personId: who.personId },
    { orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }] },
  )) as ConsentRecord[];
}

const inForce = (em: EntityManager, personId: string, purpose: ConsentPurpose) =>
  em.findOne(ConsentRecord, { personId, purpose, withdrawnAt: null }, { orderBy: { grantedAt: 'desc' } });

const badPurpose = (locale: Locale) =>
  fail(
    ErrorCode.BAD_USER_INPUT,
    pick(locale, { zh: '没有这种授权事项', en: 'There is no such consent purpose.' }),
    'purpose',
  );

/**
 * Consent to `purpose` at `version`, which must be the version in force (one cannot agree to a
 * text that is not on offer). Granting what is already granted at that version changes nothing;
 * a consent at an older version is ended (SUPERSEDED) and a new row records this one.
 */
export async function grantConsent(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { purpose: ConsentPurpose; version: string },
  requestId: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ consent: ConsentRecord; notice: string | null }> | Failure> {
  const who = await personOf(em, services, viewer, locale);
  if (isFailure(who)) return who;
  if (!CONSENT_PURPOSES.includes(args.purpose)) return badPurpose(locale);
  if (args.version.trim() !== CURRENT_POLICY_VERSION) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `只能同意当前版本（${CURRENT_POLICY_VERSION}）的协议与政策，请刷新页面后重试`,
        en: `Only the current version (${CURRENT_POLICY_VERSION}) can be agreed to. Reload the page and try again.`,
      }),
      'version',
    );
  }
  const current = await inForce(em, who.personId, args.purpose);
  if (current?.policyVersion === CURRENT_POLICY_VERSION) return ok({ consent: current, notice: null });
  const at = new Date(services.now());
  const consent = await em.transactional(async (tx) => {
    if (current) {
      await tx.nativeUpdate(
        ConsentRecord,
        { id: current.id, withdrawnAt: null },
        { withdrawnAt: at, endReason: 'SUPERSEDED', withdrawRequestId: requestIdOf(requestId) },
      );
    }
    const [row] = await insertConsents(tx, who, [args.purpose], CURRENT_POLICY_VERSION, requestId, at);
    return row!;
  });
  log.info(
    {
      event: 'consent-granted',
      accountId: who.accountId,
      purpose: args.purpose,
      version: CURRENT_POLICY_VERSION,
    },
    'consent granted',
  );
  return ok({ consent, notice: null });
}

const CONSEQUENCE = {
  zh: '您已撤回对必要事项的同意。撤回不影响此前基于同意已进行的处理；此后平台无法为您办理需要该授权的在线业务，您可随时重新同意，或申请注销账户。',
  en: 'You withdrew consent to something the platform needs. Processing done before the withdrawal stays lawful; from now on, online services that need it are not available to you. You can agree again at any time, or ask for your account to be deleted.',
};

/**
 * Withdraw consent to `purpose` (PIPL 第十五条: as easy as giving it). The row in force is stamped
 * with the time and request; nothing is deleted. Required purposes may be withdrawn too: the
 * result's `notice` says what that means.
 */
export async function withdrawConsent(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  purpose: ConsentPurpose,
  requestId: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ consent: ConsentRecord; notice: string | null }> | Failure> {
  const who = await personOf(em, services, viewer, locale);
  if (isFailure(who)) return who;
  if (!CONSENT_PURPOSES.includes(purpose)) return badPurpose(locale);
  const current = await inForce(em, who.personId, purpose);
  if (!current) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '您没有对该事项的有效同意', en: 'You have not consented to this.' }),
      'purpose',
    );
  }
  const at = new Date(services.now());
  const changed = await em.nativeUpdate(
    ConsentRecord,
    { id: current.id, withdrawnAt: null },
    { withdrawnAt: at, endReason: 'WITHDRAWN', withdrawRequestId: requestIdOf(requestId) },
  );
  if (changed !== 1) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '该同意刚被修改，请刷新后重试',
        en: 'This consent changed meanwhile. Reload and try again.',
      }),
    );
  }
  log.info({ event: 'consent-withdrawn', accountId: who.accountId, purpose }, 'consent withdrawn');
  const required = REQUIRED_CONSENT_PURPOSES.includes(purpose);
  return ok({
    consent: {
      ...current,
      withdrawnAt: at,
      endReason: 'WITHDRAWN',
      withdrawRequestId: requestIdOf(requestId),
    },
    notice: required ? pick(locale, CONSEQUENCE) : null,
  });
}
