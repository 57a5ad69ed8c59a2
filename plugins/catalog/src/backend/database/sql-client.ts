import { type DatabaseClient, type DatabaseService, sql } from '@atrium/kernel';
import type { Kysely, RawBuilder } from 'kysely';

/** A query or a piece of one, written with Kysely's `sql` template (values bound as parameters). */
export type SqlFragment<T = unknown> = RawBuilder<T>;

/** The catalog's queries over the kernel's write connection: Kysely `sql` templates in, rows out. */
export interface SqlClient {
  readonly dialect: DatabaseClient;
  /** Rows of a query. */
  all<T>(query: RawBuilder<T>): Promise<T[]>;
  /** Runs a statement; returns the number of affected rows. */
  run(query: RawBuilder<unknown>): Promise<number>;
  /** Runs `fn` in one transaction, retried by the kernel on conflicts (nested calls reuse it). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

// Two replicas inserting the same row at once: the loser's rerun finds the row.
const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * Binds the catalog's queries to the kernel's connection (or a transaction on it).
 *
 * @example
 * const db = createSqlClient(deps.db, await deps.db.getClient());
 * const rows = await db.all(sql<{ n: number }>`SELECT count(*) AS n FROM final_entities`);
 */
export function createSqlClient(database: DatabaseService, connection: Kysely<unknown>): SqlClient {
  const wrap = (executor: Kysely<unknown>): SqlClient => ({
    dialect: database.client,
    all: async <T>(query: RawBuilder<T>) => (await query.execute(executor)).rows,
    run: async (query) => Number((await query.execute(executor)).numAffectedRows ?? 0n),
    transaction: (fn) =>
      executor.isTransaction
        ? fn(wrap(executor))
        : database.transaction((trx) => fn(wrap(trx as unknown as Kysely<unknown>)), {
            isRetryable: isUniqueViolation,
          }),
  });
  return wrap(connection);
}

/**
 * The inside of `IN (...)` for a list of values. On SQLite one JSON parameter: the
 * statement text is the same for every list (prepared once, kept by the kernel's
 * statement cache) and compiling it does not build a node per value, which for 500 refs
 * costs more than running the query. PostgreSQL keeps a parameter per value.
 *
 * @example
 * await db.all(sql`SELECT id FROM refresh_state WHERE entity_ref IN (${listOf(db.dialect, refs)})`);
 */
export function listOf(dialect: DatabaseClient, values: readonly unknown[]): SqlFragment {
  return dialect === 'sqlite'
    ? sql`SELECT value FROM json_each(${JSON.stringify(values)})`
    : sql.join(values);
}

/** Splits a list into chunks, so IN lists and multi-row inserts stay within driver limits. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
