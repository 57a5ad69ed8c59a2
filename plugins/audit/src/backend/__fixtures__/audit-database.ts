import { join } from 'node:path';
import { TEST_POSTGRES_URL, type TestDatabase } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Runs a statement straight on the audit plugin's database (its schema on PostgreSQL), as an operator would. */
export async function runAuditSql<T = Record<string, unknown>>(
  database: TestDatabase,
  statement: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.kind === 'sqlite') {
    const directory = (database.config.connection as { directory: string }).directory;
    const db = new Database(join(directory, 'audit.sqlite'));
    try {
      const prepared = db.prepare(statement);
      if (prepared.reader) return prepared.all(...params) as T[];
      prepared.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${String(database.config.prefix)}audit"`);
    return (await client.query(statement, params)).rows as T[];
  } finally {
    await client.end();
  }
}
