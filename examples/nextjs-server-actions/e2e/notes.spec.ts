import { expect, test, type Page } from '@playwright/test';

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signInAs(page: Page, name: 'Alice' | 'Bob' | 'Carol') {
  await page.goto('/');
  await page.getByLabel(name).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${name}’s notes` })).toBeVisible();
}

const newNoteForm = (page: Page) => page.getByRole('form', { name: 'New note' });
const noteItem = (page: Page, title: string) => page.getByTestId('note-list').getByRole('listitem').filter({ hasText: title });

async function addNote(page: Page, title: string, body = '') {
  const form = newNoteForm(page);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Note', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Save note' }).click();
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
  await expect(newNoteForm(page).getByTestId('note-form-status')).toHaveText(`Saved “${title}”.`);
  await expect(newNoteForm(page).getByLabel('Title')).toHaveValue('');

  await page.reload(); // it is in the database, not just on the page
  await expect(page.getByTestId('note-list').getByRole('heading', { name: title })).toBeVisible();
});

test('invalid input shows the schema’s message next to the field', async ({ page }) => {
  await signInAs(page, 'Carol');
  const form = newNoteForm(page);
  await form.getByLabel('Title').fill('   ');
  await form.getByLabel('Note', { exact: true }).fill('A note without a title');
  await form.getByRole('button', { name: 'Save note' }).click();

  const title = form.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Give the note a title');
  await expect(title).toBeFocused();
  await expect(form.getByLabel('Note', { exact: true })).toHaveValue('A note without a title');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Server Action validates with the same schema and answers next to the field', async ({ page }) => {
    await signInAs(page, 'Carol');
    await newNoteForm(page).getByLabel('Title').fill('x'.repeat(101));
    await newNoteForm(page).getByRole('button', { name: 'Save note' }).click();
    const title = newNoteForm(page).getByLabel('Title');
    await expect(title).toHaveAccessibleDescription('Keep the title to 100 characters');
    await expect(title).toHaveValue('x'.repeat(101));
  });
});

test('a user can edit and delete their own note', async ({ page }) => {
  await signInAs(page, 'Carol');
  const title = unique('Draft');
  await addNote(page, title);

  const item = noteItem(page, title);
  await item.getByText('Edit').click();
  const edited = `${title} (edited)`;
  await item.getByRole('form').getByLabel('Title').fill(edited);
  await item.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('note-list').getByRole('heading', { name: edited })).toBeVisible();

  await page.getByRole('button', { name: `Delete “${edited}”` }).click();
  await expect(page.getByTestId('note-list').getByRole('heading', { name: edited })).toHaveCount(0);
});

test('Bob never sees Alice’s notes, and cannot change or delete one by sending its id', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInAs(alice, 'Alice');
  const secret = unique('Alice private');
  await addNote(alice, secret);
  const aliceNoteId = await noteItem(alice, secret).getByTestId('delete-note-form').locator('input[name="noteId"]').inputValue();

  const bob = await (await browser.newContext()).newPage();
  await signInAs(bob, 'Bob');
  await expect(bob.getByTestId('note-list')).toBeVisible();
  await expect(bob.getByText(secret)).toHaveCount(0);
  await expect(bob.getByText('Welcome, Alice')).toHaveCount(0);

  // Tamper with Bob's own forms so they send Alice's note id to the actions.
  const bobItem = noteItem(bob, 'Welcome, Bob');
  const setNoteId = (input: HTMLInputElement | SVGElement | HTMLElement, id: string) => ((input as HTMLInputElement).value = id);
  await bobItem.getByText('Edit').click();
  const editForm = bobItem.getByRole('form');
  await editForm.locator('input[name="noteId"]').evaluate(setNoteId, aliceNoteId);
  await editForm.getByLabel('Title').fill('Bob was here');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm.getByTestId('note-form-status')).toHaveText('That note does not exist, or it is not yours.');

  await bobItem.getByTestId('delete-note-form').locator('input[name="noteId"]').evaluate(setNoteId, aliceNoteId);
  await bobItem.getByRole('button', { name: /Delete/ }).click();
  await expect(bob.getByTestId('delete-error')).toHaveText('That note does not exist, or it is not yours.');

  await alice.reload();
  await expect(alice.getByTestId('note-list').getByRole('heading', { name: secret })).toBeVisible();
  await expect(alice.getByText('Bob was here')).toHaveCount(0);
});
