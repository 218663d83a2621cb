import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DOWN_APP_PORT } from '../playwright.config';

/** WCAG 2.2 A and AA plus axe best practices (the handbook's own bar), with `target-size` on. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the page, with field errors shown, has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await expect(page.getByTestId('invoices-empty').or(page.getByTestId('invoice-list'))).toBeVisible();
    await page.getByLabel('Currency').fill('eu');
    await page.getByRole('button', { name: 'Create invoice' }).click();
    await expect(page.getByTestId('currency-error')).toBeVisible();
    await expectNoViolations(page);
  });
}

test('the service-down panel has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto(`http://localhost:${DOWN_APP_PORT}/`);
  await expect(page.getByTestId('service-down')).toBeVisible();
  await expectNoViolations(page);
});
