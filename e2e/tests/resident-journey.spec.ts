import { expect, test } from '@playwright/test';
import { ServicesPage } from './pages/services-page.js';

// Near 湖滨区 in the demo city; the browser reports this position when asked.
const HOME = { latitude: 30.2741, longitude: 120.1551 };

test.use({ geolocation: HOME, permissions: ['geolocation'] });

test('a resident finds 居民身份证换领, reads its guide and finds the nearest place to go', async ({
  page,
}) => {
  const site = new ServicesPage(page);
  await site.open();
  await site.search('身份证');

  const results = page.getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  await expect(results.filter({ hasText: '居民身份证换领' })).toHaveCount(1);
  await results.filter({ hasText: '居民身份证换领' }).getByRole('link').first().click();

  await expect(page.getByTestId('guide-title')).toHaveText('居民身份证换领');
  const materials = page.getByTestId('material-item');
  await expect(materials.first()).toBeVisible();
  expect(await materials.count()).toBeGreaterThan(1);
  await expect(page.getByTestId('legal-days')).toContainText('60');
  await expect(page.getByTestId('promised-days')).toContainText(/\d/);

  await site.findNearest();
  const points = page.getByTestId('nearby-point');
  await expect(points.first()).toBeVisible();
  await expect(points.first()).toContainText(/米|公里/);
});

test('suggestions appear while typing and lead to the guide', async ({ page }) => {
  const site = new ServicesPage(page);
  await site.open();
  await page.getByTestId('search-input').first().fill('退休');
  const suggestions = page.getByTestId('search-suggestions');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('退休');
});
