import type { EntityManager } from '@mikro-orm/core';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { hashRecoveryCode, matchTotp, normalizeRecoveryCode } from './totp.js';

export type SecondFactorMethod = 'totp' | 'recovery-code';

/** Accept a time step once: the conditional UPDATE fails for a step already used (a replay). */
export async function claimTotpStep(em: EntityManager, accountId: string, step: number): Promise<boolean> {
  const changed = await em.nativeUpdate(
    Account,
    { id: accountId, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] },
    { totpLastStep: step },
  );
  return changed === 1;
}

/** Spend one unused recovery code; optimistic on `version`, retried when something else wrote first. */
async function spendRecoveryCode(
  em: EntityManager,
  accountId: string,
  code: string,
  now: number,
): Promise<boolean> {
  const hash = hashRecoveryCode(accountId, code);
  for (let tries = 0; tries < 3; tries++) {
    const account = await em.fork().findOne(Account, { id: accountId });
    if (!account) return false;
    const index = account.recoveryCodes.findIndex((entry) => entry.hash === hash && !entry.usedAt);
    if (index < 0) return false;
    const recoveryCodes = account.recoveryCodes.map((entry, i) =>
      i === index ? { ...entry, usedAt: new Date(now).toISOString() } : entry,
    );
    const changed = await em.nativeUpdate(
      Account,
      { id: accountId, version: account.version },
      { recoveryCodes, version: account.version + 1 },
    );
    if (changed === 1) return true;
  }
  return false;
}

/**
 * Check a second-factor code for an account with TOTP enabled: six digits are a TOTP code (each
 * time step accepted once), anything else is tried as a recovery code (each usable once).
 */
export async function checkSecondFactor(
  em: EntityManager,
  services: IdentityServices,
  account: Account,
  code: string,
): Promise<SecondFactorMethod | null> {
  if (!account.totpEnabled || !account.totpSecret) return null;
  const now = services.now();
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const secret = services.secretBox.open(account.totpSecret, account.id);
    const step = matchTotp(secret, trimmed, now);
    return step !== null && (await claimTotpStep(em, account.id, step)) ? 'totp' : null;
  }
  const normalized = normalizeRecoveryCode(trimmed);
  if (!/^[A-Z2-9]{10}$/.test(normalized)) return null;
  return (await spendRecoveryCode(em, account.id, normalized, now)) ? 'recovery-code' : null;
}
