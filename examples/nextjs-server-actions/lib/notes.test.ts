import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from './db/database';
import { migrate } from './db/migrate';
import { withUser } from './db/with-user';
import { createNote, deleteNote, getNote, listNotes, updateNote } from './notes';

// One PGlite per file (starting one takes seconds), migrated exactly as the app does it.
let db: Database;
beforeAll(async () => {
  db = await openPglite();
  await migrate(db);
  await migrate(db); // and again: every start runs it
});
afterAll(() => db.close());

describe('notes with Row Level Security', () => {
  it('lists only the acting user’s notes', async () => {
    await createNote(db, 'alice', { title: 'Alice list', body: '' });
    await createNote(db, 'bob', { title: 'Bob list', body: '' });
    expect((await listNotes(db, 'alice')).map((n) => n.title)).toContain('Alice list');
    expect((await listNotes(db, 'alice')).map((n) => n.title)).not.toContain('Bob list');
  });

  it('returns nothing when B asks for A’s note by id', async () => {
    const note = await createNote(db, 'alice', { title: 'Alice secret', body: 'for Alice only' });
    expect(await getNote(db, 'alice', note.id)).toMatchObject({ title: 'Alice secret' });
    expect(await getNote(db, 'bob', note.id)).toBeUndefined();
  });

  it('lets B update or delete none of A’s notes: 0 rows affected, note unchanged', async () => {
    const note = await createNote(db, 'alice', { title: 'Keep me', body: '' });
    expect(await updateNote(db, 'bob', note.id, { title: 'Taken over', body: '' })).toBe(false);
    expect(await deleteNote(db, 'bob', note.id)).toBe(false);
    expect(await getNote(db, 'alice', note.id)).toMatchObject({ title: 'Keep me' });

    expect(await updateNote(db, 'alice', note.id, { title: 'Edited', body: '' })).toBe(true);
    expect(await deleteNote(db, 'alice', note.id)).toBe(true);
  });

  it('refuses B even in hand-written SQL without any user filter', async () => {
    const note = await createNote(db, 'alice', { title: 'Raw SQL target', body: '' });
    const counts = await withUser(db, 'bob', async (tx) => ({
      selected: (await tx.query('SELECT * FROM notes WHERE id = $1', [note.id])).rowCount,
      updated: (await tx.query(`UPDATE notes SET title = 'pwned' WHERE id = $1`, [note.id])).rowCount,
      deleted: (await tx.query('DELETE FROM notes WHERE id = $1', [note.id])).rowCount,
      aliceRows: (await tx.query(`SELECT * FROM notes WHERE user_id = 'alice'`)).rowCount,
    }));
    expect(counts).toEqual({ selected: 0, updated: 0, deleted: 0, aliceRows: 0 });
    expect(await getNote(db, 'alice', note.id)).toMatchObject({ title: 'Raw SQL target' });
  });

  it('rejects B writing a row owned by A (WITH CHECK)', async () => {
    await expect(
      withUser(db, 'bob', (tx) => tx.query(`INSERT INTO notes (user_id, title) VALUES ('alice', 'planted')`)),
    ).rejects.toThrow(/row-level security/);

    const own = await createNote(db, 'bob', { title: 'Bob’s', body: '' });
    await expect(
      withUser(db, 'bob', (tx) => tx.query(`UPDATE notes SET user_id = 'alice' WHERE id = $1`, [own.id])),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing when no user is set, and the app role cannot switch RLS off', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL ROLE notes_app');
      return (await tx.query('SELECT * FROM notes')).rowCount;
    });
    expect(rows).toBe(0);

    await expect(withUser(db, 'bob', (tx) => tx.query('ALTER TABLE notes DISABLE ROW LEVEL SECURITY'))).rejects.toThrow(
      /must be owner/,
    );
  });
});
