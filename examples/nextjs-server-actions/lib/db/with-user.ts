import type { Database, Queryable } from './database';
import { APP_ROLE } from './migrate';

// #region with-user
/**
 * Runs `fn` in a transaction as the app role, on behalf of `userId`: every statement inside
 * sees and changes only that user's rows, because the database's policy says so.
 *
 * Both settings are LOCAL to the transaction (`SET LOCAL`, `set_config(..., true)`), so they
 * end with it and never leak to the next user of a pooled connection.
 *
 * @example
 * const notes = await withUser(db, 'alice', (tx) => tx.query('SELECT * FROM notes'));
 */
export function withUser<T>(db: Database, userId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL ROLE ${APP_ROLE}`);
    // A bound parameter, never string concatenation: the user id is data.
    await tx.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    return fn(tx);
  });
}
// #endregion
