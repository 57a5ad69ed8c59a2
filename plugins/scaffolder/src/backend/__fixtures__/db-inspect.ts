import { join } from 'node:path';
import type { TestDatabase } from '@atrium/test-kit';
import { TEST_POSTGRES_URL } from '@atrium/test-kit';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Reads a task row straight from the scaffolder's database, as an attacker with a DB dump would. */
export async function readTaskRowDirectly(
  database: TestDatabase,
  taskId: string,
): Promise<{ secrets: string | null; spec: string; template_ref: string | null } | undefined> {
  if (database.kind === 'sqlite') {
    const directory = (database.config.connection as { directory: string }).directory;
    const db = new Database(join(directory, 'scaffolder.sqlite'), { readonly: true });
    try {
      return db
        .prepare('SELECT secrets, spec, template_ref FROM scaffolder_tasks WHERE id = ?')
        .get(taskId) as never;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const schema = `${String(database.config.prefix)}scaffolder`;
    const { rows } = await client.query(
      `SELECT secrets, spec, template_ref FROM "${schema}".scaffolder_tasks WHERE id = $1`,
      [taskId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Runs statements straight on the scaffolder's database (its schema on PostgreSQL), e.g. to rewind a migration. */
export async function runStatementsDirectly(database: TestDatabase, statements: string[]): Promise<void> {
  if (database.kind === 'sqlite') {
    const directory = (database.config.connection as { directory: string }).directory;
    const db = new Database(join(directory, 'scaffolder.sqlite'));
    try {
      for (const statement of statements) db.exec(statement);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${String(database.config.prefix)}scaffolder"`);
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
