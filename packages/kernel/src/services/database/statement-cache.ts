import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection (the read workers keep as many: sqlite-worker-source.ts). */
export const DEFAULT_MAX_STATEMENTS = 500;
// Bulk statements with thousands of placeholders are built once per batch size; keeping
// them would hold large compiled programs for no reuse.
export const MAX_CACHED_SQL_LENGTH = 8192;

/**
 * Wraps a better-sqlite3 handle for Kysely's SqliteDialect so that each SQL text is prepared
 * once and reused (least recently used first out). Kysely prepares every query anew, which
 * costs more than running a small indexed read; Kysely runs one query at a time per
 * connection, so a cached statement is never used by two queries at once.
 *
 * @example
 * const dialect = new SqliteDialect({ database: createStatementCache(new Database(file)) });
 */
export function createStatementCache(
  db: Database.Database,
  maxStatements = DEFAULT_MAX_STATEMENTS,
): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(text: string) {
      if (text.length > MAX_CACHED_SQL_LENGTH) return db.prepare(text);
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = db.prepare(text);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}
