import { expect, type Page } from '@playwright/test';
import { freshTotpCode, markSpent } from './totp.js';

/**
 * Sign in on the shell's page, then land on `returnTo`; staff pass the TOTP step with a fresh
 * code (refused once at most: then the next step's code, after waiting for it).
 */
export async function signInOnPage(
  page: Page,
  who: { login: string; password: string; totp?: string },
  returnTo: string,
): Promise<void> {
  await page.goto(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByTestId('signin-login').fill(who.login);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
  if (!who.totp) return;
  const refused = page.getByRole('alert').filter({ hasText: /验证码不正确|not right/ });
  const outcome = async () =>
    (await refused.isVisible())
      ? 'refused'
      : new URL(page.url()).pathname === '/signin'
        ? 'waiting'
        : 'signed-in';
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await page.getByTestId('signin-totp').fill(await freshTotpCode(who.totp));
    await page.getByTestId('signin-submit').click();
    await expect.poll(outcome).not.toBe('waiting');
    if ((await outcome()) === 'signed-in') return;
    markSpent(who.totp);
  }
  throw new Error(`${who.login} could not pass the second factor`);
}
