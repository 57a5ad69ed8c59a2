import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import type { TransactionOptions } from './retry-transaction.js';

/** The SQL dialects Atrium supports. */
export type DatabaseClient = 'sqlite' | 'postgres';

/**
 * A plugin's own database: a SQLite file of its own, or a PostgreSQL schema of its own.
 * The plugin's migrations have run before its init sees this. On better-sqlite3 every
 * connection keeps its prepared statements (bounded, least recently used out), so plain
 * Kysely queries and `sql` templates need no cache of the plugin's own.
 *
 * @example
 * const db = await deps.db.getClient<Tables>();
 * await deps.db.transaction<Tables, void>(async (trx) => {
 *   await trx.insertInto('todos').values({ id, title }).execute();
 * });
 * const reader = await deps.db.getReader<Tables>();
 * const todos = await reader.selectFrom('todos').selectAll().execute();
 */
export interface DatabaseService {
  readonly client: DatabaseClient;
  /** The write connection (and everything that must read its own uncommitted writes). */
  // biome-ignore lint/suspicious/noExplicitAny: the plugin supplies its own table types.
  getClient<DB = any>(): Promise<Kysely<DB>>;
  /**
   * A connection for reads that may see the last committed state. On a SQLite file it is
   * a read-only handle of its own (WAL), so a read does not wait for a write transaction;
   * on PostgreSQL (a pool) and in-memory SQLite it is the write connection.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the plugin supplies its own table types.
  getReader<DB = any>(): Promise<Kysely<DB>>;
  /**
   * A connection for heavy reads of the last committed state (full-text ranking, reports):
   * on a SQLite file, a pool of worker threads (`backend.database.readWorkers`) with
   * read-only handles, so a long read neither blocks the event loop nor waits for another;
   * each statement costs a message round trip (tens of microseconds), so one-row reads
   * belong on `read()`. `connection()` keeps one worker (and its temp tables) for a
   * callback. On PostgreSQL, a pool of its own (`backend.database.pool.max`, opened on the
   * first call) whose sessions run without parallel workers or JIT: many heavy reads at
   * once share the cores better one process each. In-memory SQLite: the write connection.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the plugin supplies its own table types.
  getWorkerReader<DB = any>(): Promise<Kysely<DB>>;
  /**
   * Rows of one compiled read statement on the read connection, for hot reads: on a
   * SQLite file it runs straight from the connection's prepared statements, without a
   * round through Kysely's executor; elsewhere it is `getReader()`'s `executeQuery`.
   * Compile with `getReader()` (or `prepareQuery` on it); a statement that writes is refused.
   */
  read<T>(query: CompiledQuery<T>): Promise<T[]>;
  /**
   * Runs `fn` in a transaction on the write connection, retried with backoff when it
   * fails on a conflict (SQLITE_BUSY, PostgreSQL serialization failure or deadlock);
   * throws `DATABASE_TRANSACTION_CONFLICT` when the attempts run out. `fn` may run more
   * than once, so it must not have effects outside the database.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the plugin supplies its own table types.
  transaction<DB = any, T = unknown>(
    fn: (trx: Transaction<DB>) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
}
