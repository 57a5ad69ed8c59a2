import { InputError } from '@atrium/errors';
import Database from 'better-sqlite3';
import { CATALOG_LIMITS, overLimit } from '../../common/catalog-limits.js';
import type { SqlClient } from './sql-client.js';

/** Read-only queries; what the query endpoints need. */
export type SqlReader = Pick<SqlClient, 'dialect' | 'all'> & {
  /** Releases the reader's own connection, if it has one. */
  close(): void;
};

const MAX_STATEMENTS = 500;

// The last line of defence for what a request makes the query endpoints run: a statement
// the database would refuse (too many parameters; PostgreSQL cannot take U+0000) is the
// caller's 400, named, and the same on both databases.
function checkParameters(params: readonly unknown[]): void {
  if (params.length > CATALOG_LIMITS.maxQueryParameters) {
    throw new InputError(
      `The request needs a query with ${overLimit(`${params.length} parameters`, 'maxQueryParameters')}; ask for fewer values at once`,
    );
  }
  if (params.some((param) => typeof param === 'string' && param.includes('\u0000')))
    throw new InputError('A value in the request contains the NUL character (U+0000), which no entity holds');
}

/**
 * A second, read-only SQLite connection for the query endpoints, with prepared statements
 * kept between requests. Kysely prepares every statement anew and serializes all queries
 * through one connection, so a read would wait for a whole write transaction of the
 * processing loop; WAL mode lets this connection read the last committed state instead.
 * An in-memory database (tests) has nothing to share, so the writer's client is used.
 *
 * @example
 * const reader = await createSqlReader(sql);
 * const rows = await reader.all<{ json: string }>('SELECT final_entity AS json FROM final_entities WHERE entity_ref = ?', [ref]);
 */
export async function createSqlReader(sql: SqlClient): Promise<SqlReader> {
  const shared: SqlReader = {
    dialect: sql.dialect,
    all: (text, params = []) => {
      checkParameters(params);
      return sql.all(text, params);
    },
    close: () => undefined,
  };
  if (sql.dialect !== 'sqlite') return shared;
  const [main] = await sql.all<{ file: string }>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  if (!main?.file) return shared;
  const db = new Database(main.file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -16384');
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let found = statements.get(text);
    if (found) {
      statements.delete(text);
    } else {
      found = db.prepare(text);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    statements.set(text, found);
    return found;
  };
  return {
    dialect: 'sqlite',
    async all<T>(text: string, params: readonly unknown[] = []) {
      checkParameters(params);
      return statement(text).all(...params) as T[];
    },
    close: () => db.close(),
  };
}
