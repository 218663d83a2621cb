/**
 * The smallest database interface the app needs, with two implementations: PGlite (PostgreSQL
 * compiled to WASM, in process: the default, so the example runs anywhere, StackBlitz included)
 * and a real PostgreSQL server through postgres.js when DATABASE_URL is set.
 */

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned by a SELECT or changed by an INSERT, UPDATE or DELETE. */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Several statements, no parameters: for migrations. */
  exec(text: string): Promise<void>;
}

export interface Database {
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite in memory, or in `dataDir` to keep data across restarts. */
export async function openPglite(dataDir?: string): Promise<Database> {
  // Imported here, not at the top: `next build` loads this module, and only a request should
  // pay for starting PostgreSQL in WASM (1-5 s).
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dataDir);
  return {
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          async query<Row>(text: string, params: unknown[] = []) {
            const result = await tx.query<Row>(text, params);
            return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? 0 };
          },
          async exec(text) {
            await tx.exec(text);
          },
        }),
      ),
    close: () => pg.close(),
  };
}

/** A PostgreSQL server; `url` is a postgres:// connection string. */
export async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 5, onnotice: () => {} });
  return {
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      sql.begin((tx) =>
        fn({
          async query<Row>(text: string, params: unknown[] = []) {
            const result = await tx.unsafe(text, params as never[]);
            return { rows: [...result] as Row[], rowCount: result.count };
          },
          async exec(text) {
            await tx.unsafe(text);
          },
        }),
      ) as Promise<T>,
    close: () => sql.end(),
  };
}
