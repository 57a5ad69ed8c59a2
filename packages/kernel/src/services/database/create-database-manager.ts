import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AtriumError } from '@atrium/errors';
import type BetterSqlite3 from 'better-sqlite3';
import { type CompiledQuery, type Dialect, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import type { MigrationDb, Migrations } from '../../definitions/migrations.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { DatabaseConfig } from './database-config.js';
import type { DatabaseClient, DatabaseService } from './database-service.js';
import { retryTransaction } from './retry-transaction.js';
import { runMigrations } from './run-migrations.js';
import { withSchemaLock } from './schema-lock.js';
import { createSqliteReadConnection, READ_HANDLE_PRAGMAS } from './sqlite-read-connection.js';
import { createWorkerKysely } from './sqlite-worker-dialect.js';
import { createSqliteWorkerPool } from './sqlite-worker-pool.js';
import { withSqliteWriteLock } from './sqlite-write-lock.js';
import { createStatementCache } from './statement-cache.js';

/** Owns every plugin's database connection; the kernel closes them at shutdown. */
export interface DatabaseManager {
  readonly client: DatabaseClient;
  forPlugin(pluginId: string): DatabaseService;
  /** Applies a plugin's pending migrations; returns the names applied. */
  migrate(pluginId: string, migrations: Migrations): Promise<string[]>;
  /** PostgreSQL: the schema that holds a plugin's tables. */
  schemaFor(pluginId: string): string;
  /**
   * Drops everything a plugin stored: its PostgreSQL schema (CASCADE, under the schema's
   * lock) or its SQLite file (with its WAL files), and closes its connections. The next
   * use opens (and migrates) it anew.
   */
  drop(pluginId: string): Promise<void>;
  close(): Promise<void>;
}

const int8 = 20;

/** A plugin's open database, and how to hold it alone while migrating. */
interface OpenDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: one instance per plugin, typed by the plugin.
  db: Kysely<any>;
  // biome-ignore lint/suspicious/noExplicitAny: as db.
  reader: Kysely<any>;
  read<T>(query: CompiledQuery<T>): Promise<T[]>;
  // biome-ignore lint/suspicious/noExplicitAny: as db.
  workerReader(): Kysely<any>;
  closeWorkers(): Promise<void>;
  exclusive<T>(fn: (db: MigrationDb) => Promise<T>): Promise<T>;
}

// Connections a pool keeps open when idle unless `backend.database.pool.min` says otherwise.
const defaultIdleConnections = 2;

/**
 * Connection settings of a plugin's pool (also the events listener's session), with
 * `settings` as each session's own run-time parameters.
 */
export function postgresPoolConfig(
  config: DatabaseConfig,
  schema: string,
  types: typeof pg.types,
  settings: Readonly<Record<string, string>> = {},
): pg.PoolConfig {
  const connection = config.connection;
  const base: pg.PoolConfig =
    typeof connection === 'string'
      ? { connectionString: connection }
      : connection && !('directory' in connection)
        ? { ...connection }
        : {};
  return {
    ...base,
    max: config.pool.max,
    min: config.pool.min ?? Math.min(defaultIdleConnections, config.pool.max),
    idleTimeoutMillis: config.pool.idleTimeoutMillis,
    // TCP keepalive: an idle session dropped by the network errors out of the pool instead
    // of failing the next query (knex advises min 0 for want of it).
    keepAlive: true,
    options: Object.entries({ search_path: schema, ...settings })
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
    // Kernel tables store epoch milliseconds in bigint columns: read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
    },
  };
}

// A SQLite file's readers, opened after the writer switched the file to WAL (in which
// readers never wait for it): a read-only handle, and worker threads that start on the
// plugin's first call for them (most plugins never make one).
function fileReaders(Database: typeof BetterSqlite3, file: string, workerCount: number, pluginId: string) {
  const readOnly = new Database(file, { readonly: true, fileMustExist: true });
  for (const pragma of READ_HANDLE_PRAGMAS) readOnly.pragma(pragma);
  let workers: Kysely<unknown> | undefined;
  return {
    reader: createSqliteReadConnection(readOnly),
    workers: {
      workerReader: () => {
        workers ??= createWorkerKysely(createSqliteWorkerPool(file, workerCount, `'${pluginId}'`));
        return workers;
      },
      closeWorkers: async () => workers?.destroy(),
    },
  };
}

// Sessions of the heavy-read pool: many searches run at once, so a parallel plan (two
// more processes for one query) or JIT compilation spends CPU the other queries wait
// for; at 100k documents a two-letter prefix count took 58 ms with workers, 25 without.
// Heavy reads go through indexes over data that is in memory, where a page read at random
// costs about what one read in order does (1.1, not the default 4, which assumes spinning
// disks): with 4, a full-text match of 7% of 105k rows took a 65 ms sequential scan over
// a 21 ms bitmap scan of its GIN index.
const HEAVY_READ_SETTINGS = { max_parallel_workers_per_gather: '0', jit: 'off', random_page_cost: '1.1' };

// A PostgreSQL plugin's heavy-read pool (`getWorkerReader`), opened on its first call.
function postgresHeavyReads(pgModule: typeof pg, config: DatabaseConfig, schema: string) {
  let kysely: Kysely<unknown> | undefined;
  return {
    workerReader: () => {
      if (!kysely) {
        const pool = new pgModule.Pool(
          postgresPoolConfig(config, schema, pgModule.types, HEAVY_READ_SETTINGS),
        );
        pool.on('error', () => {
          // As the plugin pool's: the pool replaces a lost idle client on next use.
        });
        kysely = new Kysely({ dialect: new PostgresDialect({ pool }) });
      }
      return kysely;
    },
    closeWorkers: async () => kysely?.destroy(),
  };
}

function sqliteFile(config: DatabaseConfig, pluginId: string): string {
  const connection = config.connection;
  if (connection === ':memory:') return ':memory:';
  const directory =
    typeof connection === 'object' && typeof connection.directory === 'string'
      ? connection.directory
      : './data';
  mkdirSync(resolve(directory), { recursive: true });
  return resolve(directory, `${pluginId}.sqlite`);
}

/**
 * Creates the database manager from `backend.database`: SQLite files under `./data`
 * (one per plugin) by default, or one PostgreSQL schema per plugin.
 *
 * @example
 * const databases = createDatabaseManager(databaseConfigSchema.parse({ client: 'pg', connection: 'postgres://...' }));
 */
export function createDatabaseManager(config: DatabaseConfig): DatabaseManager {
  const client: DatabaseClient = config.client === 'pg' ? 'postgres' : 'sqlite';
  const instances = new Map<string, Promise<OpenDatabase>>();
  const schemaFor = (pluginId: string) => `${config.prefix}${pluginId.replace(/-/g, '_')}`;

  async function open(pluginId: string): Promise<OpenDatabase> {
    let dialect: Dialect;
    let exclusive: OpenDatabase['exclusive'];
    let readers: ReturnType<typeof fileReaders> | undefined;
    let heavyReads: ReturnType<typeof postgresHeavyReads> | undefined;
    if (client === 'postgres') {
      // Drivers load on first use, so a SQLite install never loads pg and vice versa.
      const { default: pg } = await import('pg');
      const schema = schemaFor(pluginId);
      const pool = new pg.Pool(postgresPoolConfig(config, schema, pg.types));
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it on next use.
      });
      // Creates the schema under its lock, after any backend migrating it has finished.
      await withSchemaLock(pool, schema, async () => undefined).catch(async (error: unknown) => {
        await pool.end().catch(() => undefined);
        throw error;
      });
      dialect = new PostgresDialect({ pool });
      exclusive = (fn) => withSchemaLock(pool, schema, fn);
      heavyReads = postgresHeavyReads(pg, config, schema);
    } else {
      const { default: Database } = await import('better-sqlite3');
      const file = sqliteFile(config, pluginId);
      const db = new Database(file);
      // First: switching to WAL waits for another process opening the same file.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      dialect = new SqliteDialect({ database: createStatementCache(db) });
      exclusive = (fn) => withSqliteWriteLock(kysely, fn);
      if (file !== ':memory:') readers = fileReaders(Database, file, config.readWorkers, pluginId);
    }
    const kysely = new Kysely({ dialect });
    if (readers) {
      const { reader, workers } = readers;
      return { db: kysely, reader: reader.kysely, read: reader.read, ...workers, exclusive };
    }
    return {
      db: kysely,
      reader: kysely,
      read: async (query) => (await kysely.executeQuery(query)).rows,
      workerReader: () => kysely,
      closeWorkers: async () => undefined,
      ...heavyReads,
      exclusive,
    };
  }

  function get(pluginId: string) {
    let instance = instances.get(pluginId);
    if (!instance) {
      instance = open(pluginId).catch((error: unknown) => {
        instances.delete(pluginId);
        throw new AtriumError(
          kernelErrorCodes.DATABASE_CONNECT_FAILED,
          `could not open the ${client} database of '${pluginId}': ${(error as Error).message}; check backend.database`,
          { cause: error, details: { pluginId } },
        );
      });
      instances.set(pluginId, instance);
    }
    return instance;
  }

  return {
    client,
    schemaFor,
    forPlugin: (pluginId) => ({
      client,
      getClient: async () => (await get(pluginId)).db,
      getReader: async () => (await get(pluginId)).reader,
      getWorkerReader: async () => (await get(pluginId)).workerReader(),
      read: async (query) => (await get(pluginId)).read(query),
      transaction: async (fn, options) => retryTransaction((await get(pluginId)).db, pluginId, fn, options),
    }),
    migrate: async (pluginId, migrations) => {
      if (Object.keys(migrations).length === 0) return [];
      const schema = client === 'postgres' ? schemaFor(pluginId) : undefined;
      return (await get(pluginId)).exclusive((db) => runMigrations(pluginId, db, migrations, client, schema));
    },
    drop: async (pluginId) => {
      if (client === 'postgres') {
        const schema = schemaFor(pluginId);
        await (await get(pluginId)).exclusive((db) =>
          sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db),
        );
      }
      const instance = instances.get(pluginId);
      instances.delete(pluginId);
      if (instance) await destroy(instance);
      const file = client === 'sqlite' ? sqliteFile(config, pluginId) : ':memory:';
      if (file !== ':memory:')
        await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
    },
    close: async () => {
      const all = [...instances.values()];
      instances.clear();
      await Promise.allSettled(all.map(destroy));
    },
  };
}

async function destroy(instance: Promise<OpenDatabase>): Promise<void> {
  const { db, reader, closeWorkers } = await instance;
  await closeWorkers();
  if (reader !== db) await reader.destroy();
  await db.destroy();
}
