import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from './db/database';
import { migrate } from './db/migrate';
import { withUser } from './db/with-user';
import { createNote, deleteNote, getNote, listNotes, updateNote } from './notes';

// Always PGlite; also a real PostgreSQL server when TEST_DATABASE_URL names one (opt-in: the
// tests write to it). Not DATABASE_URL, so a shell pointed at a real database stays untouched.
const targets: [string, () => Promise<Database>][] = [['PGlite', () => openPglite()]];
const testDatabaseUrl = process.env.TEST_DATABASE_URL;
if (testDatabaseUrl) targets.push(['PostgreSQL', () => openPostgres(testDatabaseUrl)]);

describe.each(targets)('notes with Row Level Security on %s', (_name, open) => {
  // One database per file (starting PGlite takes seconds), migrated exactly as the app does it.
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    await migrate(db); // and again: every start runs it
  });
  afterAll(() => db.close());

  it('lists only the acting user’s notes', async () => {
    await createNote(db, 'alice', { title: 'Alice list', body: '' });
    await createNote(db, 'bob', { title: 'Bob list', body: '' });
    expect((await listNotes(db, 'alice')).map((n) => n.title)).toContain('Alice list');
    expect((await listNotes(db, 'alice')).map((n) => n.title)).not.toContain('Bob list');
  });

  // #region rls-tests
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
  // #endregion

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

  it('needs the role switch: superusers bypass RLS, a FORCEd table hides rows from its owner', async () => {
    await createNote(db, 'alice', { title: 'Seen by whom?', body: '' });
    const { superuser, visible } = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
      return { superuser: rows[0]?.rolsuper, visible: (await tx.query('SELECT * FROM notes')).rowCount };
    });
    // PGlite connects as a superuser: without SET ROLE it would see everyone's notes. A real
    // server's ordinary owner role sees none: FORCE applies the policy, which grants it nothing.
    if (superuser) expect(visible).toBeGreaterThan(0);
    else expect(visible).toBe(0);
  });
});
