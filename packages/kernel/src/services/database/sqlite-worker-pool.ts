import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import { READ_HANDLE_PRAGMAS } from './sqlite-read-connection.js';
import { sqliteWorkerSource } from './sqlite-worker-source.js';
import { DEFAULT_MAX_STATEMENTS, MAX_CACHED_SQL_LENGTH } from './statement-cache.js';

/** What one statement gave: its rows, or the number of rows a temp-table write changed. */
export interface WorkerResult {
  rows: unknown[];
  changes?: number;
}

/** One worker thread with its own read-only handle; statements run one at a time, in order. */
export interface SqliteReadWorker {
  run(sql: string, parameters: readonly unknown[]): Promise<WorkerResult>;
}

/** Worker threads on one SQLite file, lent out one caller at a time (a connection pool). */
export interface SqliteWorkerPool {
  acquire(): Promise<SqliteReadWorker>;
  release(worker: SqliteReadWorker): void;
  destroy(): Promise<void>;
}

type Reply = { id: number; rows?: unknown[]; changes?: number; error?: { message: string; code?: string } };
type Pending = { resolve: (result: WorkerResult) => void; reject: (error: Error) => void };

// A SQLite error keeps better-sqlite3's shape (`code` SQLITE_*), which retries and callers test.
function sqliteError(error: NonNullable<Reply['error']>): Error {
  return Object.assign(new Error(error.message), { name: 'SqliteError', code: error.code });
}

function startWorker(file: string, label: string, onExit: (worker: SqliteReadWorker) => void) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(sqliteWorkerSource, {
    eval: true,
    workerData: {
      driver,
      file,
      pragmas: READ_HANDLE_PRAGMAS,
      maxStatements: DEFAULT_MAX_STATEMENTS,
      maxSqlLength: MAX_CACHED_SQL_LENGTH,
    },
  });
  // An idle worker does not keep the process alive (the kernel destroys the pool at
  // shutdown); one with a statement in flight does.
  thread.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let stopped: Error | undefined;
  const fail = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const worker: SqliteReadWorker = {
    run: (sql, parameters) =>
      new Promise((resolve, reject) => {
        // A message to a stopped thread would never be answered.
        if (stopped) return reject(stopped);
        const id = nextId++;
        if (pending.size === 0) thread.ref();
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, sql, parameters });
      }),
  };
  thread.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
    if (!waiting) return;
    if (reply.error) waiting.reject(sqliteError(reply.error));
    else
      waiting.resolve({
        rows: reply.rows ?? [],
        ...(reply.changes === undefined ? {} : { changes: reply.changes }),
      });
  });
  thread.on('error', (error) => fail(error));
  thread.on('exit', (code) => {
    stopped = new AtriumError(
      kernelErrorCodes.DATABASE_CONNECT_FAILED,
      `a read worker of ${label} stopped (exit code ${code}); the next read starts another`,
    );
    fail(stopped);
    onExit(worker);
  });
  return { worker, stop: () => thread.terminate() };
}

/**
 * Starts up to `size` worker threads on `file` as they are needed. Each reads through a
 * read-only handle of its own (WAL: the last committed state, never waiting for the
 * writer), so heavy reads run beside the event loop and on the other cores.
 *
 * @example
 * const pool = createSqliteWorkerPool('/data/search.sqlite', 2, "'search'");
 * const worker = await pool.acquire();
 * try { return (await worker.run('select count(*) as n from t', [])).rows; } finally { pool.release(worker); }
 */
export function createSqliteWorkerPool(file: string, size: number, label: string): SqliteWorkerPool {
  const stops = new Map<SqliteReadWorker, () => Promise<number>>();
  const idle: SqliteReadWorker[] = [];
  const waiting: Array<{ resolve: (worker: SqliteReadWorker) => void; reject: (error: Error) => void }> = [];
  let destroyed = false;
  const spawn = () => {
    const { worker, stop } = startWorker(file, label, (gone) => {
      stops.delete(gone);
      const at = idle.indexOf(gone);
      if (at >= 0) idle.splice(at, 1);
      // A caller waiting for a worker gets a new one in place of the one that stopped.
      if (!destroyed && waiting.length > 0) waiting.shift()!.resolve(spawn());
    });
    stops.set(worker, stop);
    return worker;
  };
  return {
    async acquire() {
      if (destroyed) {
        throw new AtriumError(
          kernelErrorCodes.DATABASE_CONNECT_FAILED,
          `the read workers of ${label} are closed`,
        );
      }
      const free = idle.pop();
      if (free) return free;
      if (stops.size < size) return spawn();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    release(worker) {
      if (!stops.has(worker)) return;
      const next = waiting.shift();
      if (next) next.resolve(worker);
      else idle.push(worker);
    },
    async destroy() {
      destroyed = true;
      const closed = new AtriumError(
        kernelErrorCodes.DATABASE_CONNECT_FAILED,
        `the read workers of ${label} are closed`,
      );
      for (const { reject } of waiting.splice(0)) reject(closed);
      idle.length = 0;
      await Promise.all([...stops.values()].map((stop) => stop()));
    },
  };
}
