import { expect } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

const STEP_MS = 30_000;
const stepNow = () => Math.floor(Date.now() / STEP_MS);
/** The last time step used per secret in this worker: the server takes each account's steps in rising order only. */
const lastUsed = new Map<string, number>();

/**
 * The authenticator app's code for the next step this account has not used yet. Identity accepts a
 * step once per account and only after the last accepted one (replay protection), and the specs
 * sign the same demo staff in many times a minute: when the steps around now are spent, this waits
 * for the clock to reach a fresh one — as a person would wait for the app's next code.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const step = Math.max(stepNow(), (lastUsed.get(secret) ?? -1) + 1);
  if (step > stepNow())
    await expect.poll(stepNow, { timeout: 65_000, intervals: [500] }).toBeGreaterThanOrEqual(step);
  lastUsed.set(secret, step);
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * STEP_MS + 1000 });
}

/**
 * A code was refused (e.g. another worker, or an earlier run, used this step): take the steps up to
 * the next one as spent, so the next `freshTotpCode` waits for a new step.
 */
export function markSpent(secret: string): void {
  lastUsed.set(secret, Math.max(lastUsed.get(secret) ?? -1, stepNow() + 1));
}
