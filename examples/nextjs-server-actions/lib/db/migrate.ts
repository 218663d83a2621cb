/**
 * The schema, with Row Level Security. Idempotent: runs on every start.
 *
 * Why the role: PostgreSQL never applies RLS to superusers (PGlite connects as one), and
 * applies it to a table's owner only with FORCE. The app's queries therefore run as
 * `notes_app`, an unprivileged role that can do nothing the policy does not allow.
 */
import type { Database } from './database';

/** The role every app query runs as (see lib/db/with-user.ts). */
export const APP_ROLE = 'notes_app';

// #region app-role
// Creating a role needs CREATEROLE. Where the connecting role lacks it (a managed database),
// an administrator runs these two statements once and the check below finds the role.
const appRoleSql = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
  -- SET ROLE needs membership; superusers have it implicitly.
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
END
$$;
`;
// #endregion

// #region rls-policy
const notesSql = `
CREATE TABLE IF NOT EXISTS notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The owner comes from the transaction's setting, not from the app's INSERT.
  user_id text NOT NULL DEFAULT current_setting('app.user_id', true),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS notes_user_id_idx ON notes (user_id);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
-- Without FORCE, the table's owner would bypass the policy.
ALTER TABLE notes FORCE ROW LEVEL SECURITY;

-- One policy for SELECT, INSERT, UPDATE and DELETE: USING filters the rows a statement can see,
-- WITH CHECK rejects rows it would write for someone else. With the setting missing,
-- current_setting(..., true) is NULL and no row matches: closed by default.
DROP POLICY IF EXISTS notes_owner ON notes;
CREATE POLICY notes_owner ON notes
  FOR ALL TO ${APP_ROLE}
  USING (user_id = current_setting('app.user_id', true))
  WITH CHECK (user_id = current_setting('app.user_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO ${APP_ROLE};
`;
// #endregion

// #region migrate
/** Brings the database to the current schema; safe to run concurrently and repeatedly. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Two app instances starting together must not interleave their DDL.
    await tx.query('SELECT pg_advisory_xact_lock(4242)');
    try {
      await tx.exec(appRoleSql);
    } catch (error) {
      throw new Error(
        `Could not create or join the role ${APP_ROLE}. Ask an administrator to run once: ` +
          `CREATE ROLE ${APP_ROLE} NOLOGIN; GRANT ${APP_ROLE} TO <the DATABASE_URL user>;`,
        { cause: error },
      );
    }
    await tx.exec(notesSql);
  });
}
// #endregion
