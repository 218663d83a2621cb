import { expect, test, type Page } from '@playwright/test';

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signInAs(page: Page, name: 'Alice' | 'Bob' | 'Carol') {
  await page.goto('/');
  await page.getByLabel(name).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name}’s notes` })).toBeVisible();
}

async function addNote(page: Page, title: string, body = '') {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Note', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('note-list').getByRole('heading', { name: title })).toBeVisible();
}

test('after sign-in the page shows the user’s notes from the database', async ({ page }) => {
  await signInAs(page, 'Alice');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Alice');
  await expect(page.getByTestId('note-list').getByRole('heading', { name: 'Welcome, Alice' })).toBeVisible();
});

test('saving the form creates a note, shows it, and clears the form', async ({ page }) => {
  await signInAs(page, 'Carol');
  const title = unique('Groceries');
  await addNote(page, title, 'Milk, eggs');
  await expect(page.getByTestId('note-form-status')).toHaveText(`Saved “${title}”.`);
  await expect(page.getByLabel('Title')).toHaveValue('');

  await page.reload(); // it is in the database, not just on the page
  await expect(page.getByTestId('note-list').getByRole('heading', { name: title })).toBeVisible();
});

test('invalid input shows the schema’s message next to the field', async ({ page }) => {
  await signInAs(page, 'Carol');
  await page.getByLabel('Title').fill('   ');
  await page.getByLabel('Note', { exact: true }).fill('A note without a title');
  await page.getByRole('button', { name: 'Save note' }).click();

  const title = page.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Give the note a title');
  await expect(title).toBeFocused();
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('A note without a title');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Server Action validates with the same schema and answers next to the field', async ({ page }) => {
    await signInAs(page, 'Carol');
    await page.getByLabel('Title').fill('x'.repeat(101));
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByLabel('Title')).toHaveAccessibleDescription('Keep the title to 100 characters');
    await expect(page.getByLabel('Title')).toHaveValue('x'.repeat(101));
  });
});

test('Bob never sees Alice’s notes, and cannot delete one by sending its id', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInAs(alice, 'Alice');
  const secret = unique('Alice private');
  await addNote(alice, secret);
  const noteItem = alice.getByTestId('note-list').getByRole('listitem').filter({ hasText: secret });
  const aliceNoteId = await noteItem.locator('input[name="noteId"]').inputValue();

  const bob = await (await browser.newContext()).newPage();
  await signInAs(bob, 'Bob');
  await expect(bob.getByTestId('note-list')).toBeVisible();
  await expect(bob.getByText(secret)).toHaveCount(0);
  await expect(bob.getByText('Welcome, Alice')).toHaveCount(0);

  // Tamper with Bob's own delete form so it sends Alice's note id to the action.
  const bobItem = bob.getByTestId('note-list').getByRole('listitem').first();
  await bobItem.locator('input[name="noteId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), aliceNoteId);
  await bobItem.getByRole('button', { name: /Delete/ }).click();
  await expect(bob.getByTestId('delete-error')).toHaveText('That note does not exist, or it is not yours.');

  await alice.reload();
  await expect(alice.getByTestId('note-list').getByRole('heading', { name: secret })).toBeVisible();
});

test('a user can delete their own note', async ({ page }) => {
  await signInAs(page, 'Carol');
  const title = unique('Short-lived');
  await addNote(page, title);
  await page.getByRole('button', { name: `Delete “${title}”` }).click();
  await expect(page.getByTestId('note-list').getByRole('heading', { name: title })).toHaveCount(0);
});
