import { CompiledQuery, type DatabaseClient } from '@atrium/kernel';
import type { Kysely } from 'kysely';

/** Raw SQL over the plugin's Kysely instance: `?` placeholders on both dialects. */
export interface SqlClient {
  readonly dialect: DatabaseClient;
  /** Rows of a query. */
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; returns the number of affected rows. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `fn` in one transaction (nested calls reuse it). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

// PostgreSQL errors worth one more try: a deadlock, a serialization failure, a unique
// violation between two replicas inserting the same row at once.
const RETRYABLE_PG_CODES = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 4;

function toPostgresPlaceholders(text: string, cache: Map<string, string>): string {
  let converted = cache.get(text);
  if (converted === undefined) {
    let index = 0;
    converted = text.replace(/\?/g, () => `$${++index}`);
    if (cache.size > 2000) cache.clear();
    cache.set(text, converted);
  }
  return converted;
}

/**
 * Wraps a Kysely instance. Hot paths use hand-written SQL: Kysely's builder compiles every
 * query (tens of microseconds), which list endpoints cannot afford per request.
 *
 * @example
 * const sql = createSqlClient(await deps.db.getClient(), deps.db.client);
 * const rows = await sql.all<{ n: number }>('SELECT count(*) AS n FROM final_entities');
 */
export function createSqlClient(db: Kysely<unknown>, dialect: DatabaseClient): SqlClient {
  const converted = new Map<string, string>();
  const compile = (text: string, params: readonly unknown[] = []) =>
    CompiledQuery.raw(dialect === 'postgres' ? toPostgresPlaceholders(text, converted) : text, [...params]);
  const wrap = (executor: Kysely<unknown>, inTransaction: boolean): SqlClient => ({
    dialect,
    async all<T>(text: string, params?: readonly unknown[]) {
      return (await executor.executeQuery<T>(compile(text, params))).rows as T[];
    },
    async run(text, params) {
      const result = await executor.executeQuery(compile(text, params));
      return Number(result.numAffectedRows ?? 0n);
    },
    async transaction(fn) {
      if (inTransaction) return fn(wrap(executor, true));
      for (let attempt = 1; ; attempt++) {
        try {
          return await executor.transaction().execute((trx) => fn(wrap(trx, true)));
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (dialect !== 'postgres' || attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_PG_CODES.has(code)) {
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
        }
      }
    },
  });
  return wrap(db, false);
}

/** `?, ?, ?` for an IN list of `count` items. */
export function placeholders(count: number): string {
  return count <= 0 ? '' : `?${',?'.repeat(count - 1)}`;
}

/** Splits a list into chunks, so IN lists and multi-row inserts stay within driver limits. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
