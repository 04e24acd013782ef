import { expect, type Page } from '@playwright/test';

/** The services micro-frontend as a resident sees it inside the shell. */
export class ServicesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByTestId('site-header')).toBeVisible();
    await expect(this.page.getByTestId('search-input').first()).toBeVisible();
  }

  async search(text: string) {
    const input = this.page.getByTestId('search-input').first();
    await input.fill(text);
    await input.press('Enter');
    await expect(this.page).toHaveURL(/search/);
  }

  async findNearest() {
    await this.page
      .getByRole('button', { name: /找最近的办理点|Find the nearest/ })
      .or(this.page.getByRole('link', { name: /找最近的办理点|Find the nearest/ }))
      .first()
      .click();
    await expect(this.page).toHaveURL(/nearby/);
    // The browser context grants geolocation, so the page locates the resident by itself.
    await expect(
      this.page.getByRole('status').filter({ hasText: /当前位置|current location/i }),
    ).toBeVisible();
  }
}
