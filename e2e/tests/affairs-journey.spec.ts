import { expect, test } from '@playwright/test';
import { DEMO, gql, signIn as signInApi } from './support/gateway.js';
import { signInOnPage as signIn } from './support/shell.js';

// A tiny but real PNG (1×1): the upload is checked by content on the server.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('a resident applies online (licence + upload), 民政局 staff approve, the resident sees it completed and rates it', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const resident = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();

  // From the service guide: 老年人优待证办理 (MZ-011) → 在线办理.
  await signIn(resident, DEMO.resident, '/services/items/MZ-011');
  await resident.getByRole('link', { name: /在线办理/ }).click();
  await expect(resident.getByTestId('apply-wizard')).toBeVisible();

  // The ID card comes from the resident's electronic licence, with consent; the photo is uploaded.
  const idCard = resident.getByTestId('material').filter({ hasText: '居民身份证' });
  await idCard.getByTestId('licence-consent-checkbox').check();
  await idCard.getByTestId('use-licence').click();
  await expect(idCard.getByTestId('licence-used')).toBeVisible();
  const photo = resident.getByTestId('material').filter({ hasText: '照片' });
  await photo
    .getByTestId('file-input')
    .setInputFiles({ name: '免冠照片.png', mimeType: 'image/png', buffer: PNG });
  await expect(photo.getByTestId('material-file')).toHaveCount(1);

  await resident.getByTestId('to-review').click();
  await resident.getByTestId('to-submit').click();
  await resident.getByTestId('declaration').check();
  await resident.getByTestId('submit-application').click();
  // 张小民 was born in 1990: the age rule fails, so a person decides (not 秒批).
  await expect(resident.getByTestId('submit-result')).toHaveAttribute('data-approved', 'false');
  await resident.getByTestId('to-detail').click();
  await expect(resident.getByTestId('rule-explanation')).toContainText(/60/);
  const reference = (await resident.getByTestId('reference').first().innerText()).trim();
  expect(reference).toMatch(/^YH\d{8}[0-9A-Z]{6}$/);

  // 李办事 (民政局) signs in with TOTP and handles it from the workbench.
  const staff = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signIn(staff, DEMO.staff, '/affairs/workbench');
  await expect(staff.getByTestId('inbox')).toBeVisible();
  await staff.getByTestId('inbox-link').filter({ hasText: reference }).first().click();
  await expect(staff.getByTestId('staff-application')).toBeVisible();
  await expect(staff.getByTestId('material-file')).toHaveCount(1);
  for (const [action, comment] of [
    ['accept', null],
    ['startReview', null],
    ['approve', '经核实，材料齐全'],
    ['complete', null],
  ] as const) {
    await staff.getByTestId(`action-${action}`).click();
    const dialog = staff.getByTestId('action-dialog');
    await expect(dialog).toBeVisible();
    if (comment) await dialog.getByTestId('action-comment').fill(comment);
    await staff.getByTestId('action-confirm').click();
    await expect(staff.getByTestId('outcome-ok')).toBeVisible();
  }
  await expect(staff.getByTestId('state-tag')).toHaveAttribute('data-state', 'COMPLETED');

  // The resident sees it completed, with the history, and rates it.
  await resident.reload();
  await expect(resident.getByTestId('state-tag').first()).toHaveAttribute('data-state', 'COMPLETED');
  await expect(resident.getByTestId('history-step')).toHaveCount(6);
  const form = resident.getByTestId('rating-form');
  for (const id of [
    'rating-score',
    'rating-satisfaction',
    'rating-efficiency',
    'rating-guideAccuracy',
    'rating-convenience',
  ]) {
    await form.getByTestId(id).getByRole('radio').nth(4).click();
  }
  await resident.getByTestId('rating-submit').click();
  await expect(resident.getByTestId('rating-given')).toContainText('非常满意');

  // The approval issued the licence (affairs → outbox → bus → licences), with the application as its source.
  const token = await signInApi(request, DEMO.resident);
  const issued = async () =>
    (
      await gql<{ myLicences: { edges: { node: { type: { code: string }; status: string } }[] } }>(
        request,
        `{ myLicences(first: 50) { edges { node { type { code } status } } } }`,
        {},
        token,
      )
    ).myLicences.edges.filter((e) => e.node.type.code === 'SENIOR_CARD' && e.node.status === 'VALID').length;
  await expect.poll(issued, { timeout: 20_000 }).toBeGreaterThan(0);
});
