import { expect, test } from '@playwright/test';

// One person's whole first visit, in order: the steps depend on each other (fresh user).
test('a new user sees the empty list, registers, and a created invoice appears in the list', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('invoices-empty')).toHaveText('No invoices yet. Create one with the form.');

  // Not registered yet: the service answers 409 and the page says what to do.
  await page.getByLabel('Amount').fill('10');
  await page.getByLabel('Description').fill('Too early');
  await page.getByRole('button', { name: 'Create invoice' }).click();
  await expect(page.getByTestId('create-error')).toContainText('Register the user first');

  await page.getByLabel('Name').fill('Erin Example');
  await page.getByLabel('Email').fill(`erin-${Date.now()}@example.com`);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByTestId('profile')).toContainText('Registered as Erin Example');

  await page.getByLabel('Amount').fill('125.50');
  await page.getByLabel('Description').fill('Consulting, March');
  await page.getByRole('button', { name: 'Create invoice' }).click();

  // The mutation invalidated the list query: the list refetched and shows the new invoice.
  const list = page.getByTestId('invoice-list');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Consulting, March');
  await expect(list).toContainText('€125.50');
  await expect(page.getByTestId('create-success')).toHaveText('Created “Consulting, March”.');
  await expect(page.getByTestId('invoices-empty')).toHaveCount(0);

  // And it is server data, not client state: it is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('invoice-list')).toContainText('Consulting, March');
});

test('invalid input shows the service validation message next to each field', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Amount').fill('-5');
  await page.getByLabel('Currency').fill('eu');
  await page.getByRole('button', { name: 'Create invoice' }).click();

  await expect(page.getByTestId('create-error')).toContainText('Some fields need attention.');
  await expect(page.getByTestId('currency-error')).toHaveText('Use a 3-letter ISO 4217 code such as EUR');
  await expect(page.getByTestId('amount-error')).toBeVisible();
  await expect(page.getByTestId('description-error')).toBeVisible();
  await expect(page.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');
});
