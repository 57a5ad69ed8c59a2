import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AtriumError } from '@atrium/errors';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Migrations } from '../../definitions/migrations.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { DatabaseConfig } from './database-config.js';
import type { DatabaseClient, DatabaseService } from './database-service.js';
import { runMigrations } from './run-migrations.js';

/** Owns every plugin's database connection; the kernel closes them at shutdown. */
export interface DatabaseManager {
  readonly client: DatabaseClient;
  forPlugin(pluginId: string): DatabaseService;
  /** Applies a plugin's pending migrations; returns the names applied. */
  migrate(pluginId: string, migrations: Migrations): Promise<string[]>;
  /** PostgreSQL: the schema that holds a plugin's tables. */
  schemaFor(pluginId: string): string;
  close(): Promise<void>;
}

const int8 = 20;

function postgresPoolConfig(config: DatabaseConfig, schema: string, types: typeof pg.types): pg.PoolConfig {
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
    options: `-c search_path=${schema}`,
    // Kernel tables store epoch milliseconds in bigint columns: read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
    },
  };
}

async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two backends creating the same schema at once: the loser sees a unique violation.
    if ((error as { code?: string }).code !== '23505') throw error;
  }
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
  // biome-ignore lint/suspicious/noExplicitAny: one instance per plugin, typed by the plugin.
  const instances = new Map<string, Promise<Kysely<any>>>();
  const schemaFor = (pluginId: string) => `${config.prefix}${pluginId.replace(/-/g, '_')}`;

  async function open(pluginId: string) {
    let dialect: Dialect;
    if (client === 'postgres') {
      // Drivers load on first use, so a SQLite install never loads pg and vice versa.
      const { default: pg } = await import('pg');
      const schema = schemaFor(pluginId);
      const pool = new pg.Pool(postgresPoolConfig(config, schema, pg.types));
      pool.on('error', () => {
        // An idle client lost its connection; the pool replaces it on next use.
      });
      await ensureSchema(pool, schema);
      dialect = new PostgresDialect({ pool });
    } else {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(sqliteFile(config, pluginId));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      dialect = new SqliteDialect({ database: db });
    }
    return new Kysely({ dialect });
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
    forPlugin: (pluginId) => ({ client, getClient: () => get(pluginId) }),
    migrate: async (pluginId, migrations) =>
      runMigrations(
        pluginId,
        await get(pluginId),
        migrations,
        client,
        client === 'postgres' ? schemaFor(pluginId) : undefined,
      ),
    close: async () => {
      const all = [...instances.values()];
      instances.clear();
      await Promise.allSettled(all.map(async (instance) => (await instance).destroy()));
    },
  };
}
