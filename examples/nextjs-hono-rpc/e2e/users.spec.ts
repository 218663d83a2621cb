import { expect, test } from '@playwright/test';

// The store is shared by all tests on the one server: each test uses its own email addresses.
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

test('the home page shows users fetched from the API on the server', async ({ page }) => {
  await page.goto('/');
  const list = page.getByTestId('user-list');
  await expect(list.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Grace Hopper' })).toBeVisible();
});

test('submitting the form creates a user and shows it in the list', async ({ page }) => {
  const email = unique();
  await page.goto('/');
  await page.getByLabel('Name').fill('Katherine Johnson');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Add user' }).click();

  await expect(page.getByTestId('form-status')).toContainText('Added Katherine Johnson');
  await expect(page.getByTestId('user-list').getByText(email)).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(''); // the form is ready for the next one
});

test('invalid input shows the API validation message next to the field', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Name').fill('No Email');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Add user' }).click();

  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter an email address, like ada@example.com');
  await expect(email).toBeFocused();
  await expect(page.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('form-error')).toHaveText('Check the highlighted fields');
});

test('a duplicate email shows the API 409 error to the user', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Name').fill('Ada Again');
  await page.getByLabel('Email').fill('ADA@example.com');
  await page.getByRole('button', { name: 'Add user' }).click();

  await expect(page.getByTestId('form-error')).toHaveText('ada@example.com is already taken');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('This email is already taken');
});

test('a user page shows the user, and an unknown id shows the API 404 message', async ({ page }) => {
  await page.goto('/users/1');
  await expect(page.getByTestId('user-details')).toContainText('Ada Lovelace');

  await page.goto('/users/999');
  await expect(page.getByTestId('api-error')).toHaveText('No user with id 999');
});

test('the API answers JSON errors, also for unknown routes', async ({ request }) => {
  const invalid = await request.post('/api/users', { data: { name: 'x' } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.details.email).toBeDefined();

  const unknown = await request.get('/api/nothing-here');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/nothing-here' } });
});
