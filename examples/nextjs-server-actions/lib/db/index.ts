import { openPglite, openPostgres, type Database } from './database';
import { migrate } from './migrate';
import { seed } from './seed';

export type { Database, Queryable } from './database';

// One database per server process, kept on globalThis so `next dev` reloading modules does not
// start a second PGlite (and lose the first one's data).
const globalForDb = globalThis as typeof globalThis & { __notesDb?: Promise<Database> };

/**
 * The app's database, opened, migrated and seeded on first use (not at import: `next build`
 * imports this module). PostgreSQL at DATABASE_URL when set, else PGlite: in memory, or in
 * PGLITE_DATA_DIR to keep notes across restarts.
 */
export function getDb(): Promise<Database> {
  globalForDb.__notesDb ??= open().catch((error: unknown) => {
    globalForDb.__notesDb = undefined; // let the next request try again
    throw error;
  });
  return globalForDb.__notesDb;
}

async function open(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const db = url ? await openPostgres(url) : await openPglite(process.env.PGLITE_DATA_DIR || undefined);
  try {
    await migrate(db);
    await seed(db);
    return db;
  } catch (error) {
    await db.close(); // the next attempt opens a fresh one
    throw error;
  }
}
