import { InputError } from '@atrium/errors';
import type { DatabaseClient, DatabaseService } from '@atrium/kernel';
import type { Kysely, RawBuilder } from 'kysely';
import { CATALOG_LIMITS, overLimit } from '../../common/catalog-limits.js';

/** Read-only queries over the kernel's read connection; what the query endpoints need. */
export interface SqlReader {
  readonly dialect: DatabaseClient;
  /** Rows of a query. */
  all<T>(query: RawBuilder<T>): Promise<T[]>;
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
 * The query endpoints' reads, on the kernel's read connection: on a SQLite file it reads
 * the last committed state without waiting for the processing loop's write transactions.
 *
 * @example
 * const reader = createSqlReader(deps.db.client, await deps.db.getReader());
 * const rows = await reader.all(sql<{ json: string }>`SELECT final_entity AS json FROM final_entities WHERE entity_ref = ${ref}`);
 */
export function createSqlReader(dialect: DatabaseService['client'], connection: Kysely<unknown>): SqlReader {
  return {
    dialect,
    async all<T>(query: RawBuilder<T>) {
      const compiled = query.compile(connection);
      checkParameters(compiled.parameters);
      return (await connection.executeQuery<T>(compiled)).rows;
    },
  };
}
