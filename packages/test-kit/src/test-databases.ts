import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@atrium/kernel';
import pg from 'pg';
import { TEST_POSTGRES_URL } from './test-service-urls.js';

export { TEST_POSTGRES_URL };

/** The databases tests run against. */
export type TestDatabaseKind = 'sqlite' | 'postgres';

/**
 * A database set-up a suite runs on: a kind, or SQLite in files (`sqlite-file`), where a
 * plugin also gets a read connection of its own, unlike in memory.
 */
export type TestDatabaseVariant = TestDatabaseKind | 'sqlite-file';

/**
 * The kinds plus SQLite in files: for suites whose code reads through the database
 * service's read connection, which in-memory SQLite shares with the writer.
 *
 * @example
 * describe.each(testDatabaseVariants())('entity endpoints on %s', (database) => { ... });
 */
export function testDatabaseVariants(): TestDatabaseVariant[] {
  return ['sqlite', 'sqlite-file', 'postgres'];
}

/**
 * Every database kind a database test must pass on. PostgreSQL is never skipped: when it
 * is unreachable the test fails and says how to start it.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return ['sqlite', 'postgres'];
}

/** A database for one test: config for `backend.database` and a cleanup. */
export interface TestDatabase {
  kind: TestDatabaseKind;
  config: JsonObject;
  /** Drops what the test created (PostgreSQL schemas with the test's prefix, SQLite files in a temp folder). */
  cleanup(): Promise<void>;
}

async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by this test but ${TEST_POSTGRES_URL} is unreachable (${(error as Error).message}). ` +
        'Start it (pg_ctlcluster <version> main start) or set ATRIUM_TEST_PG_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates an isolated database: in-memory SQLite, SQLite files in a fresh temp folder
 * (`file: true` or the `sqlite-file` variant; removed by cleanup), or PostgreSQL schemas
 * under a random prefix. Pass `prefix` to share one database between two backends.
 *
 * @example
 * const db = await createTestDatabase('sqlite', { file: true });
 * const backend = await startTestBackend({ features, config: { backend: { database: db.config } } });
 * await db.cleanup();
 */
export async function createTestDatabase(
  variant: TestDatabaseVariant,
  options: { prefix?: string; sqliteDirectory?: string; file?: boolean } = {},
): Promise<TestDatabase> {
  const kind: TestDatabaseKind = variant === 'postgres' ? 'postgres' : 'sqlite';
  if (kind === 'sqlite') {
    const temporary =
      !options.sqliteDirectory && (options.file || variant === 'sqlite-file')
        ? mkdtempSync(join(tmpdir(), 'atrium-test-db-'))
        : undefined;
    const directory = options.sqliteDirectory ?? temporary;
    return {
      kind,
      config: { client: 'better-sqlite3', connection: directory ? { directory } : ':memory:' },
      cleanup: async () => {
        if (temporary) rmSync(temporary, { recursive: true, force: true });
      },
    };
  }
  await assertPostgresReachable();
  const prefix = options.prefix ?? `t${randomBytes(5).toString('hex')}_`;
  return {
    kind,
    config: { client: 'pg', connection: TEST_POSTGRES_URL, prefix, pool: { max: 4 } },
    async cleanup() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ nspname: string }>(
          'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
          [`${prefix}%`],
        );
        for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
