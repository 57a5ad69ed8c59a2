import { InputError } from '@atrium/errors';
import { type DatabaseClient, type DatabaseService, type PreparedQuery, prepareQuery } from '@atrium/kernel';
import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';
import { CATALOG_LIMITS, overLimit } from '../../common/catalog-limits.js';

/** Read-only queries over the kernel's read connection; what the query endpoints need. */
export interface SqlReader {
  readonly dialect: DatabaseClient;
  /** Rows of a query: a `sql` template, or a prepared query bound to its values. */
  all<T>(query: RawBuilder<T> | CompiledQuery<T>): Promise<T[]>;
  /** Compiles a hot query once (see the kernel's `prepareQuery`); pass its calls to `all`. */
  prepare<A extends unknown[], T>(build: (...values: A) => RawBuilder<T>): PreparedQuery<A, T>;
}

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
 * The query endpoints' reads, on the kernel's read connection (`read`): on a SQLite file
 * it reads the last committed state without waiting for the processing loop's write
 * transactions, each statement straight from the connection's prepared statements.
 *
 * @example
 * const reader = createSqlReader(deps.db, await deps.db.getReader());
 * const rows = await reader.all(sql<{ json: string }>`SELECT final_entity AS json FROM final_entities WHERE entity_ref = ${ref}`);
 */
export function createSqlReader(database: DatabaseService, connection: Kysely<unknown>): SqlReader {
  return {
    dialect: database.client,
    async all<T>(query: RawBuilder<T> | CompiledQuery<T>) {
      const compiled = 'compile' in query ? query.compile(connection) : query;
      checkParameters(compiled.parameters);
      return database.read(compiled);
    },
    prepare: (build) => prepareQuery(connection, build),
  };
}
