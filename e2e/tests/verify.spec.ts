import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './support/gateway.js';
import { signInOnPage } from './support/shell.js';

// 证照核验 (/verify): public, no sign-in. A licence file the holder downloaded verifies as 有效 when
// pasted as it is, and as 被篡改 with one character changed; the page passes axe, on a phone too.

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

/** Paste `text` into the verify page's box and verify it. */
async function paste(page: Page, text: string) {
  await page.getByLabel('电子证照内容').fill(text);
  await page.getByTestId('paste-submit').click();
}

/** One character of the licence number changed: a digit becomes another digit. */
function tamper(credential: string): string {
  const changed = credential.replace(/("number":"[A-Z]*\d*?)(\d)"/, (_, head: string, digit: string) => {
    return `${head}${(Number(digit) + 1) % 10}"`;
  });
  expect(changed).not.toBe(credential);
  expect(changed).toHaveLength(credential.length);
  return changed;
}

test('a downloaded licence verifies as 有效 when pasted, and as 被篡改 with one character changed', async ({
  page,
  browser,
}, testInfo) => {
  // 张小民 downloads his 居民户口簿 as a credential file.
  await signInOnPage(page, DEMO.resident, '/licences');
  await page
    .getByTestId('licence-card')
    .filter({ has: page.getByRole('link', { name: '居民户口簿', exact: true }) })
    .getByTestId('licence-link')
    .click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-credential').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^居民户口簿-GA\d+\.json$/);
  const credential = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(credential)).toMatchObject({
    type: ['VerifiableCredential', 'ElectronicLicenceCredential'],
  });
  await expect(page.getByTestId('download-saved')).toBeVisible();

  // Someone he sent it to checks it on /verify, not signed in.
  const verifier = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await verifier.goto('/verify');
  await expect(verifier.getByTestId('verify-page')).toBeVisible();
  await expect(verifier.getByTestId('verdict')).toHaveCount(0);

  await paste(verifier, credential);
  await expect(verifier.getByTestId('verdict')).toHaveAttribute('data-status', 'VALID');
  await expect(verifier.getByTestId('verdict-title')).toHaveText('有效');
  await expect(verifier.getByTestId('verified-name')).toContainText('居民户口簿');
  await expect(verifier.getByTestId('verified-holder')).toContainText('张小民');
  // The focus moves to the verdict, so a screen reader reads it next.
  await expect(verifier.getByTestId('verdict-title')).toBeFocused();

  await paste(verifier, tamper(credential));
  await expect(verifier.getByTestId('verdict')).toHaveAttribute('data-status', 'TAMPERED');
  await expect(verifier.getByTestId('verdict-title')).toHaveText('被篡改');
  await expect(verifier.getByTestId('verdict')).toContainText('请勿采信');
  await expect(verifier.getByTestId('verified-licence')).toHaveCount(0);
  await expect(verifier.locator('[data-testid="check"][data-check="PROOF"]')).toHaveAttribute(
    'data-passed',
    'false',
  );
  await expect(
    verifier.locator('[data-testid="check"][data-check="PROOF"]').getByText('未通过'),
  ).toBeVisible();
  await verifier.context().close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('/verify passes axe empty, with a verdict, and in 长者模式', async ({ page }) => {
    await page.goto('/verify');
    await expect(page.getByRole('heading', { level: 1, name: '证照核验' })).toBeVisible();
    await expectNoSeriousViolations(page);

    // Not a credential at all: the verdict still says so in words, with the failed check.
    await paste(page, '{"hello": "world"}');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'TAMPERED');
    await expectNoSeriousViolations(page);

    // A QR link whose token is not one: verified from the address, as a scan would open it.
    await page.goto('/verify?p=not-a-token');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'TAMPERED');
    await expect(page.locator('[data-testid="check"][data-check="PRESENTATION"]')).toHaveAttribute(
      'data-passed',
      'false',
    );

    await page.getByTestId('elderly-toggle').click();
    await expect(page.getByTestId('verify-app')).toHaveClass(/lic-root--elderly/);
    await expectNoSeriousViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
