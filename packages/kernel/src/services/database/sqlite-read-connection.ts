import { AtriumError } from '@atrium/errors';
import type Database from 'better-sqlite3';
import { type CompiledQuery, type DatabaseConnection, Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import { createStatementCache } from './statement-cache.js';

/**
 * Settings of every read-only handle on a plugin's file (the read connection and each read
 * worker): wait out a checkpoint's lock, and a page cache of 16 MB.
 */
export const READ_HANDLE_PRAGMAS = ['busy_timeout = 5000', 'cache_size = -16384'] as const;

/** A SQLite file's read-only connection: Kysely on it, and one-statement reads that skip Kysely's executor. */
export interface SqliteReadConnection {
  kysely: Kysely<unknown>;
  read<T>(query: CompiledQuery<T>): Promise<T[]>;
}

/** Counts the queries and transactions Kysely is running on the connection. */
class TrackedSqliteDriver extends SqliteDriver {
  held = 0;
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.held++;
    return connection;
  }
  override async releaseConnection(): Promise<void> {
    this.held--;
    await super.releaseConnection();
  }
}

/**
 * Wraps a read-only better-sqlite3 handle (WAL: it reads the last committed state and
 * never waits for the writer). `read` runs a statement straight from the handle's
 * prepared statements: Kysely's executor (connection lock, release, result transform)
 * costs about as much as a one-row indexed read. While Kysely holds the connection (a
 * read transaction or a streamed query on `kysely`), `read` queues behind it through
 * Kysely instead, as better-sqlite3 cannot run a statement inside an open iteration.
 *
 * @example
 * const { kysely, read } = createSqliteReadConnection(new Database(file, { readonly: true }));
 * const rows = await read(prepared(ref));
 */
export function createSqliteReadConnection(handle: Database.Database): SqliteReadConnection {
  const statements = createStatementCache(handle);
  const driver = new TrackedSqliteDriver({ database: statements });
  class ReadDialect extends SqliteDialect {
    override createDriver() {
      return driver;
    }
  }
  const kysely = new Kysely<unknown>({ dialect: new ReadDialect({ database: statements }) });
  return {
    kysely,
    async read<T>(query: CompiledQuery<T>) {
      if (driver.held > 0) return (await kysely.executeQuery(query)).rows;
      const statement = statements.prepare(query.sql) as Database.Statement;
      if (!statement.reader) {
        throw new AtriumError(
          kernelErrorCodes.DATABASE_QUERY_INVALID,
          `read() runs statements that return rows, not "${query.sql.slice(0, 120)}"; write through getClient() or transaction()`,
        );
      }
      return statement.all(query.parameters) as T[];
    },
  };
}
