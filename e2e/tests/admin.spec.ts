import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

function syntheticIdNumber(): string {
  const first17 = `339902${1970 + randomInt(30)}0${1 + randomInt(9)}2${randomInt(8)}${String(randomInt(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

test('an administrator signs in with TOTP and creates a staff account whose initial password is shown once', async ({
  page,
}, testInfo) => {
  // 陈管理 (administrator); secret from subgraphs/identity/README.md.
  const totp = new TOTP({ secret: Secret.fromBase32('E7GMGG37EYNQP4MYP6CT2ZUV3U3HCQRK') });
  await page.goto('/signin?returnTo=%2Fadmin%2Faccounts');
  await page.getByTestId('signin-login').fill('13800000005');
  await page.getByTestId('signin-password').fill('Yunhu#Admin2026');
  await page.getByTestId('signin-submit').click();
  await page
    .getByTestId('signin-totp')
    .fill(totp.generate({ timestamp: Date.now() + testInfo.retry * 30_000 }));
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('admin-accounts')).toBeVisible();

  const form = page.getByTestId('create-staff');
  const phone = `137${String(randomInt(100_000_000)).padStart(8, '0')}`;
  await form.getByLabel('姓名').fill('钱编辑');
  await form.getByLabel('身份证号').fill(syntheticIdNumber());
  await form.getByLabel('手机号').fill(phone);
  // 部门员工 is ticked by default and needs a department; a catalog editor needs none.
  await form.getByRole('checkbox', { name: '部门员工' }).uncheck();
  await form.getByRole('checkbox', { name: '事项编辑' }).check();
  await form.getByRole('button', { name: '创建账号' }).click();

  await expect(page.getByTestId('initial-password')).toBeVisible();
  expect((await page.getByTestId('initial-password').innerText()).trim().length).toBeGreaterThanOrEqual(12);
});
