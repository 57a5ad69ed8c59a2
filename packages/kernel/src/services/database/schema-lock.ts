import {
  type DatabaseIntrospector,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type PostgresPoolClient,
} from 'kysely';
import type pg from 'pg';
import type { MigrationDb } from '../../definitions/migrations.js';
import { SchemaIntrospector } from './schema-introspector.js';

/** First key of the kernel's advisory locks; the second is the hash of the schema's name. */
const LOCK_NAMESPACE = 'atrium.schema';

/**
 * True for "the schema exists already": PostgreSQL's duplicate_schema (42P06), or the unique
 * violation on pg_namespace that a `CREATE SCHEMA IF NOT EXISTS` racing another one raises.
 */
export function isDuplicateSchemaError(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  return code === '42P06' || (code === '23505' && constraint === 'pg_namespace_nspname_index');
}

async function createSchemaIfMissing(client: pg.PoolClient, schema: string): Promise<void> {
  // Checked first: CREATE SCHEMA needs the CREATE right on the database even when the schema
  // exists, and a DBA may have created the schemas for a user without it.
  const { rowCount } = await client.query('select 1 from pg_catalog.pg_namespace where nspname = $1', [
    schema,
  ]);
  if (rowCount) return;
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
  } catch (error) {
    // A backend of a version that takes no lock created it at the same moment.
    if (!isDuplicateSchemaError(error)) throw error;
  }
}

/** Kysely's migration lock is one key for the whole database; this session holds the schema's. */
class HeldLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {
    // Held already: withSchemaLock took it on this session.
  }
  override async releaseMigrationLock(): Promise<void> {
    // withSchemaLock releases it.
  }
}

/** Runs every query on the one session that holds the lock, and sees only its schema. */
class LockedSessionDialect extends PostgresDialect {
  constructor(
    client: pg.PoolClient,
    private readonly schema: string,
  ) {
    const session: PostgresPoolClient = {
      query: client.query.bind(client) as PostgresPoolClient['query'],
      release: () => undefined,
    };
    super({ pool: { connect: async () => session, end: async () => undefined } });
  }

  override createAdapter(): PostgresAdapter {
    return new HeldLockAdapter();
  }

  override createIntrospector(db: MigrationDb): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}

/**
 * Runs `fn` while this backend alone works on `schema`: a session-level advisory lock on a
 * connection of its own, taken before the schema is created and held until the last
 * migration committed, so backends booting together create the schema once and apply each
 * migration once. A session lock, not a transaction one: creating the schema and Kysely's
 * checks of its migration tables happen before its migration transaction begins. If the
 * process dies, PostgreSQL ends the session and the lock with it.
 *
 * @example
 * await withSchemaLock(pool, 'atrium_catalog', (db) => runMigrations('catalog', db, migrations, 'postgres', 'atrium_catalog'));
 */
export async function withSchemaLock<T>(
  pool: pg.Pool,
  schema: string,
  fn: (db: MigrationDb) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let unlocked = false;
  try {
    await client.query('select pg_advisory_lock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, schema]);
    try {
      await createSchemaIfMissing(client, schema);
      return await fn(new Kysely({ dialect: new LockedSessionDialect(client, schema) }));
    } finally {
      await client
        .query('select pg_advisory_unlock(hashtext($1), hashtext($2))', [LOCK_NAMESPACE, schema])
        .then(
          () => {
            unlocked = true;
          },
          () => undefined,
        );
    }
  } finally {
    // A connection that may still hold the lock is closed, never handed to someone else.
    client.release(!unlocked);
  }
}
