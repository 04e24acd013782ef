import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './support/gateway.js';
import { freshTotpCode } from './support/totp.js';

/** A fresh, valid-looking synthetic 居民身份证号 (云湖市 codes) with its MOD 11-2 check character. */
function syntheticIdNumber(): string {
  const first17 = `339901${1960 + randomInt(40)}0${1 + randomInt(9)}1${randomInt(10)}${String(randomInt(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}
const freshPhone = () => `139${String(randomInt(100_000_000)).padStart(8, '0')}`;

async function signIn(page: Page, login: string, password: string) {
  await page.goto('/signin');
  await page.getByTestId('signin-login').fill(login);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

test('a resident signs up, sees the ID number masked, reveals it, signs out and in again', async ({
  page,
}) => {
  const idNumber = syntheticIdNumber();
  const phone = freshPhone();
  const password = 'Yunhu#Newcomer2026';

  await page.goto('/signup');
  await page.getByTestId('signup-name').fill('王新民');
  await page.getByTestId('signup-id-number').fill(idNumber);
  await page.getByTestId('signup-phone').fill(phone);
  await page.getByTestId('signup-password').fill(password);
  await page.getByTestId('signup-password-confirm').fill(password);
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('account-menu')).toBeVisible();

  await page.goto('/account');
  const masked = `${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(-4)}`;
  await expect(page.getByTestId('profile-id-number')).toContainText(masked);
  await expect(page.getByTestId('profile-phone')).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await page.getByTestId('reveal-id-number').click();
  await expect(page.getByTestId('profile-id-number')).toContainText(idNumber);

  await page.getByTestId('account-menu').click();
  await page.getByTestId('signout').click();
  await expect(page.getByRole('link', { name: /登录|Sign in/ }).first()).toBeVisible();

  await signIn(page, phone, password);
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await expect(page.getByTestId('account-menu')).toContainText('王');
});

test('a wrong password gets a clear error and no session', async ({ page }) => {
  await signIn(page, '13800000001', 'Not-the-password-1');
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await expect(page.getByTestId('account-menu')).toHaveCount(0);
});

test('a department staff member signs in with a TOTP code', async ({ page }) => {
  // 李办事's demo secret (subgraphs/identity/README.md); a fresh step's code (support/totp.ts).
  await signIn(page, '13800000002', 'Yunhu#Staff2026');
  await expect(page.getByTestId('signin-totp')).toBeVisible();
  await page.getByTestId('signin-totp').fill(await freshTotpCode(DEMO.staff.totp));
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await expect(page.getByTestId('account-menu')).toContainText('李');
});

test('the account centre asks for sign-in, then returns there', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?returnTo=%2Faccount/);
  await page.getByTestId('signin-login').fill('13800000001');
  await page.getByTestId('signin-password').fill('Yunhu#Resident2026');
  await page.getByTestId('signin-submit').click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('profile-id-number')).toContainText('***********');
});

test('a resident downloads their data as a JSON file', async ({ page }) => {
  await signIn(page, '13800000001', 'Yunhu#Resident2026');
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await page.goto('/account');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-my-data').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bianmin-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    sections: Array<{
      source: string;
      data: { person: { name: string; idNumber: string }; account: Record<string, unknown> };
    }>;
  };
  const identity = exported.sections.find((s) => s.source === 'identity')!;
  expect(identity.data.person.name).toBe('张小民');
  expect(identity.data.person.idNumber).toMatch(/^\d{17}[\dX]$/);
  expect(JSON.stringify(identity.data.account)).not.toMatch(/argon2|passwordHash|totpSecret/i);
  // Affairs holds the resident's applications: its section is in the same file.
  const affairs = exported.sections.find((s) => s.source === 'affairs') as unknown as {
    unavailable?: boolean;
    data: { applications: unknown[] };
  };
  expect(affairs.unavailable).toBeUndefined();
  expect(Array.isArray(affairs.data.applications)).toBe(true);
});

test('a resident asks for their account to be deleted and sees the request pending', async ({ page }) => {
  const phone = freshPhone();
  const password = 'Yunhu#Leaving2026';
  await page.goto('/signup');
  await page.getByTestId('signup-name').fill('孙离开');
  await page.getByTestId('signup-id-number').fill(syntheticIdNumber());
  await page.getByTestId('signup-phone').fill(phone);
  await page.getByTestId('signup-password').fill(password);
  await page.getByTestId('signup-password-confirm').fill(password);
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('account-menu')).toBeVisible();

  await page.goto('/account');
  await page.getByTestId('deletion-reason').fill('搬离云湖市');
  await page.getByTestId('deletion-understood').check();
  await page.getByTestId('request-deletion').click();
  await expect(page.getByTestId('deletion-pending')).toBeVisible();
});
