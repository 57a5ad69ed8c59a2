import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import type { SqliteReadWorker, SqliteWorkerPool } from './sqlite-worker-pool.js';

class WorkerConnection implements DatabaseConnection {
  constructor(readonly worker: SqliteReadWorker) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, changes } = await this.worker.run(query.sql, query.parameters);
    return { rows: rows as R[], ...(changes === undefined ? {} : { numAffectedRows: BigInt(changes) }) };
  }

  // The rows come back in one message, so a stream yields them as one chunk.
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

// A connection is one worker, held from acquire to release (a query, or a transaction).
class WorkerPoolDriver implements Driver {
  constructor(private readonly pool: SqliteWorkerPool) {}
  async init() {
    // The pool starts its workers on first use.
  }
  async acquireConnection() {
    return new WorkerConnection(await this.pool.acquire());
  }
  async beginTransaction(connection: WorkerConnection) {
    await connection.worker.run('begin', []);
  }
  async commitTransaction(connection: WorkerConnection) {
    await connection.worker.run('commit', []);
  }
  async rollbackTransaction(connection: WorkerConnection) {
    await connection.worker.run('rollback', []);
  }
  async releaseConnection(connection: WorkerConnection) {
    this.pool.release(connection.worker);
  }
  async destroy() {
    await this.pool.destroy();
  }
}

/**
 * Kysely over a pool of SQLite read workers: SQLite's SQL and types, each query a message
 * round trip to a worker thread. `connection()` and `transaction()` keep one worker (and
 * so one handle, with its temp tables) for their callback.
 *
 * @example
 * const reader = createWorkerKysely(createSqliteWorkerPool(file, 2, "'search'"));
 * const rows = await reader.selectFrom('docs').selectAll().execute();
 */
export function createWorkerKysely(pool: SqliteWorkerPool): Kysely<unknown> {
  class WorkerDialect extends SqliteDialect {
    override createDriver() {
      return new WorkerPoolDriver(pool);
    }
  }
  // SqliteDialect wants a database to open; the driver above never asks for it.
  return new Kysely<unknown>({ dialect: new WorkerDialect({ database: async () => ({}) as never }) });
}
