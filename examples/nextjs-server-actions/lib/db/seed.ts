import type { Database } from './database';
import { DEV_USERS } from '../dev-users';
import { withUser } from './with-user';

const seedNotes: Record<string, { title: string; body: string }> = {
  alice: { title: 'Welcome, Alice', body: 'Only you can see this note. Sign in as Bob to check.' },
  bob: { title: 'Welcome, Bob', body: 'Only you can see this note. Sign in as Alice to check.' },
};

/** One welcome note per user who has none yet. Runs through RLS like every other write. */
export async function seed(db: Database): Promise<void> {
  for (const user of DEV_USERS) {
    const note = seedNotes[user.id];
    if (!note) continue;
    await withUser(db, user.id, async (tx) => {
      const { rows } = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM notes');
      if (rows[0]?.count === 0) {
        await tx.query('INSERT INTO notes (title, body) VALUES ($1, $2)', [note.title, note.body]);
      }
    });
  }
}
