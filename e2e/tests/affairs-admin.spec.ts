import { randomInt } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInOnPage } from './support/shell.js';

/** 陈管理 (administrator); secret from subgraphs/identity/README.md. */
const ADMIN = { login: '13800000005', password: 'Yunhu#Admin2026', totp: 'E7GMGG37EYNQP4MYP6CT2ZUV3U3HCQRK' };

/** 公共图书馆读者证: no other spec applies for it, and its rules are put back at the end. */
const ITEM = 'WL-005';

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

/** A weekday (Monday–Friday) from June to September of `year` that the calendar does not list yet. */
function unlistedWeekday(year: number, listed: readonly string[]): string {
  for (;;) {
    const date = new Date(Date.UTC(year, 5 + randomInt(4), 1 + randomInt(30)));
    const day = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    if (date.getUTCFullYear() === year && weekday >= 1 && weekday <= 5 && !listed.includes(day)) return day;
  }
}

test('an administrator keeps the working calendar and publishes 秒批 rules, with the server’s refusals next to the field', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInOnPage(page, ADMIN, '/affairs/admin');

  await test.step('the calendar: add a holiday to next year, see it listed, remove it', async () => {
    await expect(page).toHaveURL(/\/affairs\/admin\/calendar$/);
    await expect(page.getByTestId('nav-admin')).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.getByTestId('calendar-next-year').click();
    const nextYear = Number(/\d{4}/.exec(await page.getByTestId('calendar-next-year').innerText())![0]);
    await expect(page).toHaveURL(new RegExp(`year=${nextYear}`));
    await expect(page.getByTestId('calendar-year-title')).toContainText(String(nextYear));
    const listed = await page
      .getByTestId('calendar-day')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-date') ?? ''));
    const date = unlistedWeekday(nextYear, listed);

    await page.getByTestId('calendar-add').click();
    const form = page.getByTestId('calendar-day-form');
    await form.getByTestId('calendar-date').fill(date);
    // Nothing sent yet: the names are missing, and say so under their inputs.
    await page.getByTestId('calendar-day-save').click();
    await expect(form.locator('[data-testid="field-error"][data-field="nameZh"]')).toBeVisible();
    await expect(form.getByTestId('calendar-name-zh')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('中文名称').fill('测试假日');
    await form.getByLabel('英文名称').fill('Test holiday');
    await form.getByLabel('备注（可选）').fill('端到端测试');
    await page.getByTestId('calendar-day-save').click();

    await expect(page.getByTestId('outcome-ok')).toContainText(date);
    const row = page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
    await expect(row).toContainText('测试假日');
    await expect(row.getByTestId('calendar-kind')).toHaveText('放假');

    await row.getByTestId('calendar-remove').click();
    await expect(page.getByTestId('calendar-remove-dialog')).toBeVisible();
    await page.getByTestId('calendar-remove-confirm').click();
    await expect(page.getByTestId('outcome-ok')).toContainText('已删除');
    await expect(row).toHaveCount(0);
  });

  await test.step(`the rules of ${ITEM}: a refused value, then a new version, then the old rules again`, async () => {
    await page.getByTestId('admin-nav-rules').click();
    const listed = page.locator(`[data-testid="rule-set"][data-code="${ITEM}"]`);
    await expect(listed.getByTestId('item-name')).toContainText('公共图书馆读者证');
    await listed.getByTestId('rule-set-link').click();

    const version = page.getByTestId('current-version');
    await expect(version).toHaveAttribute('data-version', /^\d+$/);
    const before = Number(await version.getAttribute('data-version'));
    await expect(page.getByTestId('current-rules').getByTestId('rule-item')).not.toHaveCount(0);

    await page.getByTestId('tab-edit').click();
    const card = page.locator('[data-testid="rule-card"][data-kind="MIN_AGE"]');
    const years = card.getByTestId('rule-years');
    const original = await years.inputValue();
    expect(Number(original)).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);

    // Without a note (修改说明) nothing is sent: the note is required.
    await page.getByTestId('publish').click();
    await expect(page.locator('[data-testid="field-error"][data-field="note"]')).toContainText(
      '请填写修改说明',
    );
    await page.getByTestId('publish-note').fill('端到端测试：调整年龄');
    // 200 is the server's to refuse (0–150): its message shows under the field, nothing is published.
    await years.fill('200');
    await page.getByTestId('publish').click();
    const index = await card.getAttribute('data-index');
    const refusal = card.locator(`[data-testid="field-error"][data-field="rules.${index}.params.years"]`);
    await expect(refusal).toContainText('150');
    await expect(years).toHaveAttribute('aria-invalid', 'true');
    await expect(years).toHaveValue('200');
    await expect(version).toHaveAttribute('data-version', String(before));

    await years.fill(String(Number(original) + 2));
    await expect(refusal).toHaveCount(0);
    await page.getByTestId('publish-note').fill('端到端测试：调整年龄');
    await page.getByTestId('publish').click();
    await expect(page.getByTestId('outcome-ok')).toContainText(`第 ${before + 1} 版`);
    await expect(version).toHaveAttribute('data-version', String(before + 1));

    await page.getByTestId('tab-history').click();
    const history = page.getByTestId('rule-history');
    await expect(history.locator(`[data-testid="rule-version"][data-version="${before + 1}"]`)).toContainText(
      '端到端测试：调整年龄',
    );
    const previous = history.locator(`[data-testid="rule-version"][data-version="${before}"]`);
    await previous.getByTestId('rule-version-toggle').click();
    await expect(previous.getByTestId('rule-version-rules')).toContainText(`年满 ${original} 周岁`);

    // Put the rules back as they were (a further version).
    await page.getByTestId('tab-edit').click();
    await years.fill(original);
    await page.getByTestId('publish-note').fill('端到端测试：恢复');
    await page.getByTestId('publish').click();
    await expect(version).toHaveAttribute('data-version', String(before + 2));
    await page.getByTestId('tab-current').click();
    await expect(page.getByTestId('current-rules')).toContainText(`年满 ${original} 周岁`);
  });
});

test('someone who is not an administrator is told so', async ({ page }) => {
  await signInOnPage(page, { login: '13800000001', password: 'Yunhu#Resident2026' }, '/affairs/admin/rules');
  await expect(page.getByTestId('admin-only')).toBeVisible();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
});
