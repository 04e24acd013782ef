import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO } from './support/gateway.js';
import { signInOnPage } from './support/shell.js';

test.use({ geolocation: { latitude: 30.2741, longitude: 120.1551 }, permissions: ['geolocation'] });

/** WCAG 2.1 A/AA rules, including colour contrast; serious and critical findings fail. */
async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

for (const elderly of [false, true]) {
  test(`home, guide and nearby pages have no serious accessibility problems${elderly ? ' in elderly mode' : ''}`, async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('search-input').first()).toBeVisible();
    if (elderly) {
      await page.getByTestId('elderly-toggle').click();
      await expect(page.locator('html')).toHaveClass(/elderly/);
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.goto('/services/items/GA-002');
    await expect(page.getByTestId('guide-title')).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.goto('/services/nearby');
    await expect(page.getByTestId('nearby-point').first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

test('the search can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('search-input').first()).toBeVisible();
  // Skip link first, then into the page: the search box is reachable without a mouse.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /跳到主要内容|Skip to main content/ })).toBeFocused();
  await page.getByTestId('search-input').first().focus();
  await page.keyboard.type('身份证');
  await expect(page.getByTestId('search-suggestions')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guide-title')).toContainText('身份证');
});

test('sign-in and sign-up pages have no serious accessibility problems', async ({ page }) => {
  for (const path of ['/signin', '/signup']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
});

test('my applications, the apply wizard and the staff workbench have no serious accessibility problems', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/signin?returnTo=%2Faffairs');
  await page.getByTestId('signin-login').fill('13800000001');
  await page.getByTestId('signin-password').fill('Yunhu#Resident2026');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('my-applications')).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto('/services/items/MZ-010');
  await page.getByRole('link', { name: /在线办理/ }).click();
  await expect(page.getByTestId('materials-editor')).toBeVisible();
  await expectNoSeriousViolations(page);

  // 王主管 (supervisor): the workbench with its filters.
  const staff = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signInOnPage(staff, DEMO.supervisor, '/affairs/workbench');
  await expect(staff.getByTestId('inbox')).toBeVisible();
  await expectNoSeriousViolations(staff);
});
