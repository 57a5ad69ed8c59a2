import { AtriumError } from '@atrium/errors';
import type { Kysely, Transaction } from 'kysely';
import { doublingDelayMs } from '../../concurrency/doubling-delay.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';

/** Options of a retried transaction. */
export interface TransactionOptions {
  /** Tries in all, the first included (default 4). */
  attempts?: number;
  /**
   * Errors to retry besides the default ones (SQLite busy/locked, PostgreSQL serialization
   * failure and deadlock), e.g. a unique violation when two replicas insert the same row.
   */
  isRetryable?: (error: unknown) => boolean;
  /**
   * `serializable` on PostgreSQL for a read-then-write that two backends may run at once
   * (a conflict fails with a serialization error and the transaction runs again, now seeing
   * the other's write). SQLite transactions are serializable already.
   */
  isolation?: 'serializable';
}

const DEFAULT_ATTEMPTS = 4;
// A serialization failure, a deadlock, or a lock wait given up by lock_timeout.
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '55P03']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a failed transaction may succeed when run again unchanged. */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  if (!code) return false;
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || RETRYABLE_PG_CODES.has(code);
}

// Exponential with jitter, so two replicas that collided do not collide again in step.
function backoffMs(attempt: number): number {
  return doublingDelayMs(attempt - 1, 20, 1000) + Math.random() * 30;
}

/**
 * Runs `fn` in a transaction on `db`, again (after a short backoff) when it fails on a
 * transient conflict; inside a transaction already, `fn` joins it without retries, since
 * only the outermost transaction can be rolled back and rerun. When the attempts run out
 * the error is a `DATABASE_TRANSACTION_CONFLICT` naming the plugin and the last cause.
 *
 * @example
 * await retryTransaction(db, 'catalog', async (trx) => trx.insertInto('t').values(row).execute());
 */
export async function retryTransaction<DB, T>(
  db: Kysely<DB>,
  pluginId: string,
  fn: (trx: Transaction<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    try {
      const transaction = options.isolation
        ? db.transaction().setIsolationLevel(options.isolation)
        : db.transaction();
      return await transaction.execute(fn);
    } catch (error) {
      if (!isTransientDatabaseError(error) && !options.isRetryable?.(error)) throw error;
      if (attempt >= attempts) {
        throw new AtriumError(
          kernelErrorCodes.DATABASE_TRANSACTION_CONFLICT,
          `a transaction of '${pluginId}' failed ${attempts} times on a conflict with another writer (last: ${codeOf(error) ?? 'no code'}: ${(error as Error).message}); retry the operation later or reduce concurrent writes`,
          { cause: error, details: { pluginId, attempts, code: codeOf(error) } },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
