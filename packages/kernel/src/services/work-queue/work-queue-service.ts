import type { Kysely } from 'kysely';
import type { DatabaseClient } from '../database/database-service.js';

/** One claimed unit of work: its key, which attempt this is (1 = first), and the source's data. */
export interface WorkItem<T = Record<string, unknown>> {
  id: string | number;
  attempts: number;
  data: T;
}

/** What a handler may return: when the item is due again, or a failure it reported itself. */
export interface WorkResult {
  /** When the item is due again (null: never); with a `failure`, overrides `retryAt`. */
  dueAt?: number | null;
  failure?: Error;
}

/** What a claim asks the source for. */
export interface WorkClaimRequest {
  /** This backend's lease owner id. */
  owner: string;
  limit: number;
  now: number;
  leaseExpiresAt: number;
}

/** How a claimed item ended. */
export type WorkOutcome =
  | { status: 'done'; dueAt: number | null }
  | { status: 'failed'; error: Error; retryAt: number | null };

/**
 * A queue in the plugin's own storage, claimed through the plugin's own SQL. The kernel
 * runs the loop around it; {@link WorkQueueTable} builds one from a table description.
 */
export interface WorkQueueSource<T> {
  /** Claims up to `limit` due items with a lease, atomically; `expiredLeases` counts leases it took over. */
  claim(request: WorkClaimRequest): Promise<{ items: WorkItem<T>[]; expiredLeases?: number }>;
  /** Extends the leases of held items; returns the ids still held (a missing id lost its lease). */
  extend?(items: WorkItem<T>[], request: Omit<WorkClaimRequest, 'limit'>): Promise<Array<string | number>>;
  /** Records the outcome and gives up the lease. */
  complete(item: WorkItem<T>, outcome: WorkOutcome, owner: string): Promise<void>;
  /** Hands back claimed items that never started (at shutdown). */
  release?(items: WorkItem<T>[], owner: string): Promise<void>;
  /** Items due now, for the depth gauge. */
  depth?(now: number): Promise<number>;
}

/**
 * A table in the plugin's database the kernel claims from. Column defaults: `id`, `due_at`,
 * `lease_owner`, `lease_expires_at`, `attempts` (epoch milliseconds; `due_at` null = not due).
 */
export interface WorkQueueTable {
  // biome-ignore lint/suspicious/noExplicitAny: the table belongs to the plugin, typed by it.
  db: Kysely<any>;
  dialect: DatabaseClient;
  table: string;
  columns?: {
    id?: string;
    dueAt?: string;
    leaseOwner?: string;
    leaseExpiresAt?: string;
    attempts?: string;
    /** Set to the error message on failure, null on success. */
    lastError?: string;
    /** Set to the time an attempt finished. */
    finishedAt?: string;
  };
  /** Other columns returned as the item's data. */
  select?: string[];
  /** Only rows whose `column` is one of `values` (e.g. the tasks this backend knows). */
  only?: { column: string; values: () => ReadonlyArray<string | number> };
}

/** A queue: where its items are, and what to do with each. */
export interface WorkQueueDefinition<T> {
  /** Unique within the plugin; the `queue` label of its metrics. */
  name: string;
  source: WorkQueueSource<T> | WorkQueueTable;
  /**
   * Runs one item. Return `{ dueAt }` to make it due again (recurring work); throwing
   * fails the attempt (logged) and retries it after a backoff; return `{ failure }` for a
   * failure the handler has reported itself (counted, not logged). `signal` aborts on a
   * lost lease or shutdown.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler with nothing to say is a plain async function.
  handle?(item: WorkItem<T>, signal: AbortSignal): Promise<void | WorkResult>;
  /** Runs a whole claimed batch at once instead (e.g. one transaction); it completes the items itself. */
  handleBatch?(items: WorkItem<T>[], signal: AbortSignal): Promise<void>;
  /** Items held at once (claimed ahead of running); default `concurrency`. */
  batchSize?: number;
  /** Items (or batches) running at once; default 1. */
  concurrency?: number;
  /** Lease length; heartbeats extend it while an item is held. Default 60 s. */
  leaseMs?: number;
  /** Default a third of the lease. */
  heartbeatMs?: number;
  /** How long to wait for work when the queue looked empty. Default 1 s. */
  pollMs?: number;
  /** When a failed item is due again, or null to stop retrying. Default: 1 s doubling per attempt, at most 10 min. */
  retryAt?(item: WorkItem<T>, error: Error, now: number): number | null;
}

/** A running queue. */
export interface WorkQueue {
  start(): void;
  /** Claims now instead of at the next poll; `allBackends` wakes the other backends too (events service). */
  wake(options?: { allBackends?: boolean }): void;
  /** Stops claiming, hands back unstarted items, aborts running ones and waits for them (at most `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Background work over a plugin's own table or claim function: batch claim with a lease
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL), heartbeats, wake-ups, retries with backoff, a
 * concurrency limit, a graceful stop at shutdown and metrics labelled by queue name:
 * `atrium_<plugin>_work_queue_depth`, `_work_items_processed_total`, `_work_items_failed_total`,
 * `_work_lease_expiries_total`, `_work_item_duration_seconds`.
 *
 * @example
 * const queue = workQueue.create({
 *   name: 'reindex',
 *   source: { db, dialect: database.client, table: 'reindex_jobs', select: ['entity_ref'] },
 *   concurrency: 4,
 *   handle: async (item) => reindex(item.data.entity_ref as string),
 * });
 * lifecycle.addStartupHook(() => queue.start());
 */
export interface WorkQueueService {
  create<T = Record<string, unknown>>(definition: WorkQueueDefinition<T>): WorkQueue;
}
