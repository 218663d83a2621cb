import { expect, test, type Page } from '@playwright/test';
import { DOWN_APP_PORT } from '../playwright.config';

test('the page says the service is not reachable, and how to start it, when it is down', async ({ page }) => {
  await page.goto(`http://localhost:${DOWN_APP_PORT}/`);
  const down = page.getByTestId('service-down');
  await expect(down.getByRole('heading')).toHaveText('Service not reachable at http://localhost:1');
  await expect(down).toContainText('npm run dev:with-service');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
  await expect(page.getByTestId('invoice-list')).toHaveCount(0);
});

/** Answer the list request with the service's error shape, as the proxy would pass it on. */
async function failListWith(page: Page, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  await page.route('**/api/service/v1/invoices?*', (route) =>
    route.fulfill({ status, headers, contentType: 'application/json', body: JSON.stringify({ error: { code, message } }) }),
  );
}

test('a 429 from the service tells the user when to try again', async ({ page }) => {
  await failListWith(page, 429, 'rate_limited', 'Rate limit exceeded', { 'retry-after': '12' });
  await page.goto('/');
  await expect(page.getByTestId('invoices-error')).toHaveText('Too many requests (429). Try again in 12 seconds.');
});

test('a 403 from the service says the user is not allowed', async ({ page }) => {
  await failListWith(page, 403, 'forbidden', 'This endpoint requires scope invoices:read');
  await page.goto('/');
  await expect(page.getByTestId('invoices-error')).toHaveText('You are not allowed to do this (403): This endpoint requires scope invoices:read');
});

test('a 401 from the service says the session is not valid', async ({ page }) => {
  await failListWith(page, 401, 'unauthorized', 'The token has expired');
  await page.goto('/');
  await expect(page.getByTestId('invoices-error')).toHaveText('You are not signed in, or your session expired (401): The token has expired');
});
