import { expect, test } from '@playwright/test';
import { ServicesPage } from './pages/services-page.js';

test.use({ geolocation: { latitude: 30.2741, longitude: 120.1551 }, permissions: ['geolocation'] });

test('the same journey in English', async ({ page }) => {
  const site = new ServicesPage(page);
  await site.open();
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await site.search('身份证');
  const hit = page
    .getByTestId('search-result')
    .filter({ hasText: /Exchange|Renewal|居民身份证换领/ })
    .first();
  await expect(hit).toBeVisible();
  await hit.getByRole('link').first().click();
  await expect(page.getByTestId('guide-title')).toBeVisible();
  await expect(page.getByTestId('legal-days')).toContainText(/working day/i);
  await site.findNearest();
  await expect(page.getByTestId('nearby-point').first()).toContainText(/\bm\b|km/);

  // The choice persists across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the elderly-friendly mode enlarges text and persists', async ({ page }) => {
  const site = new ServicesPage(page);
  await site.open();
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const before = await fontSize();
  await page.getByTestId('elderly-toggle').click();
  await expect(page.locator('html')).toHaveClass(/elderly/);
  await expect.poll(fontSize).toBeGreaterThanOrEqual(before * 1.2);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/elderly/);
});
