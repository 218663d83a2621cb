/**
 * The notes data layer. Every function takes the acting user's id and runs through `withUser`,
 * so the database, not this code, decides which rows exist for that user. Note what is missing:
 * no `WHERE user_id = ...` anywhere. A forgotten filter cannot leak another user's notes.
 */
import type { Database } from './db';
import { withUser } from './db/with-user';
import type { NoteInput } from './note-schema';

export interface Note {
  id: number;
  title: string;
  body: string;
  createdAt: Date;
}

const columns = 'id, title, body, created_at AS "createdAt"';

// #region data-layer
export function listNotes(db: Database, userId: string): Promise<Note[]> {
  return withUser(db, userId, async (tx) => {
    const { rows } = await tx.query<Note>(`SELECT ${columns} FROM notes ORDER BY created_at DESC, id DESC`);
    return rows;
  });
}

export function getNote(db: Database, userId: string, id: number): Promise<Note | undefined> {
  return withUser(db, userId, async (tx) => {
    const { rows } = await tx.query<Note>(`SELECT ${columns} FROM notes WHERE id = $1`, [id]);
    return rows[0];
  });
}

export function createNote(db: Database, userId: string, input: NoteInput): Promise<Note> {
  return withUser(db, userId, async (tx) => {
    // No user_id: the column defaults to the transaction's app.user_id.
    const { rows } = await tx.query<Note>(`INSERT INTO notes (title, body) VALUES ($1, $2) RETURNING ${columns}`, [
      input.title,
      input.body,
    ]);
    const note = rows[0];
    if (!note) throw new Error('INSERT ... RETURNING returned no row');
    return note;
  });
}

/** @returns false when no note with that id is visible to the user (absent or someone else's) */
export function updateNote(db: Database, userId: string, id: number, input: NoteInput): Promise<boolean> {
  return withUser(db, userId, async (tx) => {
    const { rowCount } = await tx.query('UPDATE notes SET title = $2, body = $3 WHERE id = $1', [id, input.title, input.body]);
    return rowCount === 1;
  });
}

/** @returns false when no note with that id is visible to the user (absent or someone else's) */
export function deleteNote(db: Database, userId: string, id: number): Promise<boolean> {
  return withUser(db, userId, async (tx) => {
    const { rowCount } = await tx.query('DELETE FROM notes WHERE id = $1', [id]);
    return rowCount === 1;
  });
}
// #endregion
