import type { DatabaseService, LoggerService } from '@atrium/kernel';
import { createPostgresEngine } from './postgres-engine.js';
import { findTrigramSchema } from './postgres-trigrams.js';
import type { SearchEngine } from './search-engine.js';
import { createSqliteEngine } from './sqlite-engine.js';

/** The engine of the plugin's database: FTS5 on SQLite, tsvector + pg_trgm on PostgreSQL. */
export async function createSearchEngine(
  database: DatabaseService,
  logger: LoggerService,
): Promise<SearchEngine> {
  const db = await database.getClient();
  // Queries rank thousands of matches: on a SQLite file they run on the worker threads, on
  // PostgreSQL in sessions without parallel plans.
  const connections = { write: db, read: await database.getWorkerReader() };
  if (database.client === 'sqlite') return createSqliteEngine(database, connections);
  const trigrams = await findTrigramSchema(db);
  if (!trigrams) {
    logger.warn(
      "search: the PostgreSQL extension 'pg_trgm' is not installed and this role may not create it; typo matching is off. Run 'CREATE EXTENSION pg_trgm' as a superuser to turn it on",
    );
  }
  return createPostgresEngine(database, connections, trigrams);
}
