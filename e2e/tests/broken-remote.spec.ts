import { expect, test } from '@playwright/test';

test('a remote whose URL is broken leaves the header and navigation working, with a retry', async ({
  page,
}) => {
  // The shell reads its remotes from the runtime manifest: point `services` at a dead address.
  await page.route('**/runtime-config.json', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    for (const remote of config.remotes) remote.entry = 'http://127.0.0.1:9/remoteEntry.js';
    await route.fulfill({ response, json: config });
  });

  await page.goto('/');
  await expect(page.getByTestId('site-header')).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByTestId('remote-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('remote-retry')).toBeVisible();

  // The header keeps working while the remote is broken.
  await page.getByTestId('elderly-toggle').click();
  await expect(page.locator('html')).toHaveClass(/elderly/);

  // Retrying a still-broken remote shows the same friendly error again, not a blank page.
  await page.getByTestId('remote-retry').click();
  await expect(page.getByTestId('remote-error')).toBeVisible({ timeout: 30_000 });
});

test('Retry loads a remote that failed once, without reloading the page', async ({ page }) => {
  let failures = 0;
  await page.route('**/remoteEntry.js', async (route) => {
    failures += 1;
    await route.abort('connectionrefused');
  });
  await page.goto('/');
  await expect(page.getByTestId('remote-error')).toBeVisible({ timeout: 30_000 });
  expect(failures).toBeGreaterThan(0);

  await page.unroute('**/remoteEntry.js');
  await page.getByTestId('remote-retry').click();
  await expect(page.getByTestId('search-input').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('site-header')).toBeVisible();
});
