import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, gql, signIn } from './support/gateway.js';
import { signInOnPage } from './support/shell.js';

// 我的证照: 张小民's wallet through the real shell, remote, gateway and licences subgraph. He shows a
// licence as a QR code and a verifier who is not signed in follows its link; he shares a licence
// with 民政局, sees 李办事's use of it, and withdraws the grant.

/** 张小民's demo licences (subgraphs/licences README, "Demo data"). */
const DEMO_LICENCES = [
  '居民身份证',
  '居民户口簿',
  '社会保障卡',
  '机动车驾驶证',
  '结婚证',
  '公共图书馆读者证',
];

/** WCAG 2.1 A/AA, as accessibility.spec.ts checks the other pages: no serious or critical finding. */
async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

async function openLicence(page: Page, name: string) {
  await page
    .getByTestId('licence-card')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
    .getByTestId('licence-link')
    .click();
  await expect(page.getByTestId('licence-title')).toHaveText(name);
}

test('张小民 sees his licences, shows one as a QR code, and its link says 有效 to a verifier who is not signed in', async ({
  page,
  browser,
}, testInfo) => {
  // The holder's clock can be moved on, to see the code expire without waiting five minutes.
  await page.clock.install();
  await signInOnPage(page, DEMO.resident, '/licences');

  await test.step('the wallet: his licences as cards, numbers masked, status in words', async () => {
    await expect(page.getByTestId('wallet')).toBeVisible();
    const cards = page.getByTestId('licence-card');
    for (const name of DEMO_LICENCES) {
      await expect(cards.filter({ has: page.getByRole('link', { name, exact: true }) })).toHaveCount(1);
    }
    const driving = cards.filter({ has: page.getByRole('link', { name: '机动车驾驶证', exact: true }) });
    await expect(driving.getByTestId('card-number')).toHaveText(/^GA\d{2}\*+\d{4}$/);
    await expect(driving.getByTestId('status-tag')).toHaveText('有效');
    await expect(driving.getByTestId('card-valid-until')).toContainText('有效期至');
    await expect(page.getByTestId('lic-in-force').getByTestId('licence-card')).toHaveCount(
      await cards.count(),
    );
    await expectNoSeriousViolations(page);
  });

  let link = '';
  await test.step('the licence: all its fields, its history, and a fresh QR code with a countdown', async () => {
    await openLicence(page, '机动车驾驶证');
    await expect(page.getByTestId('fact-number')).toContainText(/GA\d{13}/);
    await expect(page.getByTestId('fact-holder-id')).toContainText('*');
    await expect(page.getByTestId('fact-field').filter({ hasText: '准驾车型' })).toContainText('C1');
    await expect(page.getByTestId('history-step').first()).toContainText('签发');
    await page.getByTestId('present-licence').click();
    await expect(page.getByTestId('qr-image')).toBeVisible();
    await expect(page.getByTestId('qr-image')).toHaveAttribute('alt', /二维码/);
    await expect(page.getByTestId('qr-time-left')).toHaveText(/^[45]:\d\d$/);
    link = (await page.getByTestId('qr-link').getAttribute('href')) ?? '';
    expect(link).toMatch(/\/verify\?p=[A-Za-z0-9_-]{50}$/);
    await expectNoSeriousViolations(page);
  });

  await test.step('a verifier opens the link in a browser that is not signed in: 有效, with the fields', async () => {
    const verifier = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
    await verifier.goto(link);
    await expect(verifier.getByTestId('verify-page')).toBeVisible();
    await expect(verifier.getByTestId('verdict')).toHaveAttribute('data-status', 'VALID');
    await expect(verifier.getByTestId('verdict-title')).toHaveText('有效');
    await expect(verifier.getByTestId('verified-name')).toContainText('机动车驾驶证');
    await expect(verifier.getByTestId('verified-holder')).toContainText('张小民');
    await expect(verifier.getByTestId('verified-holderId')).toContainText('*'); // masked in a presentation
    await expect(verifier.getByTestId('verified-field').filter({ hasText: '准驾车型' })).toContainText('C1');
    const checks = verifier.getByTestId('check');
    await expect(checks).toHaveCount(6);
    await expect(checks.and(verifier.locator('[data-passed="false"]'))).toHaveCount(0);
    await expect(verifier.getByRole('link', { name: '登录' })).toBeVisible(); // nobody signed in here
    await verifier.context().close();
  });

  await test.step('five minutes on, the code has expired on the phone; 刷新 gives a new one', async () => {
    await page.clock.fastForward('05:01');
    await expect(page.getByTestId('qr-expired')).toBeVisible();
    await expect(page.getByTestId('qr')).toHaveAttribute('data-phase', 'expired');
    await expect(page.getByTestId('qr-link')).toHaveCount(0);
    await page.getByTestId('qr-refresh').click();
    await expect(page.getByTestId('qr')).not.toHaveAttribute('data-phase', 'expired');
    await expect(page.getByTestId('qr-link')).not.toHaveAttribute('href', link);
  });
});

test('张小民 shares his 社会保障卡 with 民政局 for a purpose, sees 李办事 use it, and withdraws the grant', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const purpose = `核对参保信息（办理老年人优待证）${Date.now()}`;
  await signInOnPage(page, DEMO.resident, '/licences');
  await openLicence(page, '社会保障卡');

  await test.step('a grant to 民政局, with a purpose and a last day', async () => {
    await page.getByTestId('grant-new').click();
    const form = page.getByTestId('grant-form');
    await expect(form).toBeVisible();
    // Nothing filled in: told what is missing, next to each input.
    await page.getByTestId('grant-submit').click();
    await expect(form.getByTestId('field-problem')).toHaveCount(2);
    await form.getByLabel('部门', { exact: true }).selectOption('MZ');
    await form.getByLabel('用途', { exact: true }).fill(purpose);
    await expect(form.getByTestId('grant-valid-until')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('grant-summary')).toContainText('云湖市民政局');
    await page.getByTestId('grant-submit').click();
    await expect(page.getByTestId('outcome-ok')).toContainText('云湖市民政局');
  });

  const grant = page.getByTestId('grant').filter({ hasText: purpose });
  await expect(grant).toHaveAttribute('data-state', 'ACTIVE');
  await expect(grant.getByTestId('grant-grantee')).toHaveText('云湖市民政局');
  await expect(grant.getByTestId('grant-no-uses')).toBeVisible();
  const grantId = (await grant.getAttribute('data-grant-id')) ?? '';
  expect(grantId).toMatch(/^[0-9a-f-]{36}$/);

  const READ = `query ($g: ID!) { sharedLicence(grantId: $g) { ok error { code } shared { name purpose } } }`;
  type Read = {
    sharedLicence: { ok: boolean; error: { code: string } | null; shared: { name: string } | null };
  };
  const staff = await signIn(request, DEMO.staff);

  await test.step('李办事 (民政局) reads it with the grant; 张小民 sees who, when and why', async () => {
    const read = await gql<Read>(request, READ, { g: grantId }, staff);
    expect(read.sharedLicence).toMatchObject({ ok: true, shared: { name: '社会保障卡' } });
    await page.reload();
    const use = grant.getByTestId('grant-use');
    await expect(use).toHaveCount(1);
    await expect(use.getByTestId('grant-use-by')).toContainText('云湖市民政局');
    await expect(use).toContainText(purpose);
  });

  await test.step('he withdraws it after confirming; 民政局 can no longer read it', async () => {
    await grant.getByTestId('grant-revoke').click();
    await expect(page.getByTestId('grant-revoke-dialog')).toContainText('云湖市民政局');
    await page.getByTestId('grant-revoke-confirm').click();
    await expect(page.getByTestId('outcome-ok')).toContainText('已撤回');
    await expect(grant).toHaveAttribute('data-state', 'REVOKED');
    await expect(grant.getByTestId('grant-revoke')).toHaveCount(0);
    await expect(grant.getByTestId('grant-use')).toHaveCount(1); // the record stays
    const refused = await gql<Read>(request, READ, { g: grantId }, staff);
    expect(refused.sharedLicence).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
