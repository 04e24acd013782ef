import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInOnPage } from './support/shell.js';
import { Secret, TOTP } from 'otpauth';

function syntheticIdNumber(): string {
  const first17 = `339902${1970 + randomInt(30)}0${1 + randomInt(9)}2${randomInt(8)}${String(randomInt(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

test('an administrator creates a staff account; the new staff member enrols TOTP and must replace the initial password', async ({
  page,
}, testInfo) => {
  // 陈管理 (administrator); secret from subgraphs/identity/README.md.
  await signInOnPage(
    page,
    { login: '13800000005', password: 'Yunhu#Admin2026', totp: 'E7GMGG37EYNQP4MYP6CT2ZUV3U3HCQRK' },
    '/admin/accounts',
  );
  await expect(page.getByTestId('admin-accounts')).toBeVisible();

  const form = page.getByTestId('create-staff');
  const phone = `137${String(randomInt(100_000_000)).padStart(8, '0')}`;
  await form.getByLabel('姓名').fill('钱编辑');
  await form.getByLabel('身份证号').fill(syntheticIdNumber());
  await form.getByLabel('手机号').fill(phone);
  // 部门员工 is ticked by default; every department role needs a department.
  await form.getByRole('button', { name: '创建账号' }).click();
  await expect(form.getByRole('alert')).toContainText('须选择所属部门');
  await form.getByLabel('所属部门').click();
  // antd renders a virtual list; its ARIA listbox only mirrors the active option, so pick by title.
  await page.locator('.ant-select-item-option[title="云湖市民政局"]').click();
  await form.getByRole('button', { name: '创建账号' }).click();

  await expect(page.getByTestId('initial-password')).toBeVisible();
  const initialPassword = (await page.getByTestId('initial-password').innerText()).trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(12);

  // The new member of staff, on their own browser: enrol TOTP, then replace the initial password.
  const staff = await page.context().browser()!.newPage({ baseURL: testInfo.project.use.baseURL });
  await staff.goto('/signin');
  await staff.getByTestId('signin-login').fill(phone);
  await staff.getByTestId('signin-password').fill(initialPassword);
  await staff.getByTestId('signin-submit').click();
  await staff.getByTestId('totp-enrol').click();
  const secret = (await staff.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(secret) });
  await staff.getByTestId('totp-code').fill(app.generate());
  await staff.getByTestId('totp-confirm').click();

  await expect(staff.getByTestId('must-change-password')).toBeVisible();
  await expect(staff.getByTestId('profile')).toHaveCount(0);
  await staff.getByTestId('current-password').fill(initialPassword);
  await staff.getByTestId('new-password').fill('Yunhu#QianStaff2026');
  await staff.getByTestId('new-password-confirm').fill('Yunhu#QianStaff2026');
  await staff.getByTestId('change-password-submit').click();
  await expect(staff.getByTestId('must-change-password')).toHaveCount(0);
  await expect(staff.getByTestId('account-roles')).toContainText('部门员工');
  await staff.close();
});
