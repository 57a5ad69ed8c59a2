import { type LoggerService, sql, type WorkItem, type WorkQueueService } from '@atrium/kernel';
import { listOf, type SqlClient } from '../database/sql-client.js';
import { stitchEntities } from '../stitching/stitch-entities.js';
import { claimStitches, countDueStitches, type StitchTicket } from '../stitching/stitch-queue.js';
import type { CatalogEventPublisher } from './catalog-event-publisher.js';
import {
  type ClaimedEntity,
  claimDueEntities,
  countDueEntities,
  reapExpiredLeases,
} from './claim-entities.js';
import { processEntity } from './process-entity.js';
import type { ProcessingContext } from './processing-context.js';
import type { ProcessingSchedule } from './processing-schedule.js';
import { type ProcessedItem, writeProcessingResults } from './write-results.js';

/** Options of {@link createProcessingEngine}. */
export interface ProcessingEngineOptions {
  sql: SqlClient;
  workQueue: WorkQueueService;
  context: ProcessingContext;
  schedule: ProcessingSchedule;
  orphanStrategy: 'keep' | 'delete';
  pollMs: number;
  leaseMs: number;
  batchSize: number;
  concurrency: number;
  logger: LoggerService;
  publish: CatalogEventPublisher;
}

/** The background work that processes due entities and stitches changed ones. */
export interface ProcessingEngine {
  start(): void;
  /** Finishes the entities in progress, releases claimed ones, and stops. */
  stop(): Promise<void>;
  /** Looks for work now instead of at the next poll (after a refresh or a registration). */
  wake(): void;
}

const FLUSH_SIZE = 500;
const FLUSH_MAX_AGE_MS = 250;
// Entities stitched per transaction: a batch's entities, index rows and served JSON all
// live until its transaction ends. 2,000 instead of 4,000 lowers the peak RSS of a 100k
// ingest from 424-447 MB to 359-370 MB at the same ingest time (102.9-110.3 s against
// 101.9-112.1 s on a noisy host); 1,000 peaks at 290 MB but ingests in 119-129 s.
const STITCH_BATCH = 2000;
// While entities are still being processed, stitching waits (an entity is then stitched
// once, not once per related entity that gets processed), but never longer than this.
const STITCH_MAX_DELAY_MS = 3000;
const SHUTDOWN_GRACE_MS = 5000;

/**
 * Creates the processing engine on two kernel work queues of the catalog: `processing`
 * claims due entities in batches (a lease on `refresh_state.next_update_at`) and processes
 * them with bounded concurrency; results are written in batched transactions as they
 * complete (a slow entity does not hold up the rest). `stitching` claims queued entities
 * when processing quiets down or has waited too long, and stitches a batch per transaction.
 *
 * @example
 * const engine = createProcessingEngine({ sql, workQueue, context, schedule, orphanStrategy: 'delete', ... });
 * engine.start();
 */
export function createProcessingEngine(options: ProcessingEngineOptions): ProcessingEngine {
  const { sql: db, logger } = options;
  const buffer: ProcessedItem[] = [];
  let pending = 0;
  let writing: Promise<void> = Promise.resolve();
  let queuedFlush: Promise<void> | undefined;
  let flushTimer: NodeJS.Timeout | undefined;
  let lastStitch = Date.now();

  const busy = () => pending > 0 || buffer.length > 0;

  async function writeBuffer(): Promise<void> {
    const items = buffer.splice(0);
    if (items.length === 0) return;
    const now = Date.now();
    const summary = await writeProcessingResults(db, items, {
      now,
      nextRunAt: (failures) => now + options.schedule.delayMs(failures),
      orphanStrategy: options.orphanStrategy,
    });
    for (const { claim, outcome } of items) {
      const messages = outcome.errors.map((error) => `${error.name}: ${error.message}`);
      const before = claim.errorsJson ?? '';
      if (messages.length > 0 && before !== JSON.stringify(outcome.errors)) {
        logger.warn(`processing ${claim.entityRef} reported: ${messages.join(' | ')}`);
      }
    }
    options.publish.conflict(summary.children.conflicts);
    options.publish.deleted(summary.orphans.deleted, 'orphaned');
  }

  // Result writes and stitches run one at a time, as they touch the same rows: run at
  // once, they wait on each other's locks (PostgreSQL) or the one connection (SQLite).
  function serialWrite<T>(write: () => Promise<T>): Promise<T> {
    const run = writing.then(write);
    writing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  // A failed write leaves its entities due after their lease.
  function flush(): Promise<void> {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    // One queued flush takes whatever is buffered when its turn comes.
    if (queuedFlush) return queuedFlush;
    queuedFlush = serialWrite(() => {
      queuedFlush = undefined;
      return writeBuffer();
    })
      .catch((error: unknown) => logger.error('writing catalog processing results failed', error as Error))
      .finally(() => {
        // New children are due at once; with processing done, stitching may start.
        processing.wake();
        if (!busy()) stitching.wake();
      });
    return queuedFlush ?? Promise.resolve();
  }

  const processing = options.workQueue.create<ClaimedEntity>({
    name: 'processing',
    source: {
      async claim({ limit, now, leaseExpiresAt }) {
        const expiredLeases = await reapExpiredLeases(db, now);
        const claimed = await claimDueEntities(db, limit, now, leaseExpiresAt - now);
        pending += claimed.length;
        return {
          items: claimed.map((claim) => ({ id: claim.id, attempts: claim.failures + 1, data: claim })),
          expiredLeases,
        };
      },
      // processEntity writes nothing: results are written in batches by flush().
      complete: async () => undefined,
      async release(items) {
        pending -= items.length;
        const ids = items.map((item) => item.data.id);
        await db.run(
          sql`UPDATE refresh_state SET next_update_at = ${Date.now()}, lease_expires_at = NULL WHERE id IN (${listOf(db.dialect, ids)})`,
        );
      },
      depth: (now) => countDueEntities(db, now),
    },
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    async handle(item: WorkItem<ClaimedEntity>) {
      const claim = item.data;
      try {
        const outcome = await processEntity(
          { entityRef: claim.entityRef, unprocessedJson: claim.unprocessedJson, cacheJson: claim.cacheJson },
          options.context,
        );
        buffer.push({ claim, outcome });
        if (buffer.length >= FLUSH_SIZE) void flush();
        else flushTimer ??= setTimeout(() => void flush(), FLUSH_MAX_AGE_MS);
        // Reported in the entity's status and logged by flush() when the errors change.
        return outcome.errors.length > 0
          ? { failure: new Error(`processing ${claim.entityRef} reported ${outcome.errors.length} error(s)`) }
          : undefined;
      } finally {
        pending--;
        if (pending === 0) void flush();
      }
    },
  });

  const stitching = options.workQueue.create<StitchTicket>({
    name: 'stitching',
    source: {
      async claim({ limit, now, leaseExpiresAt }) {
        if (busy() && now - lastStitch < STITCH_MAX_DELAY_MS) return { items: [] };
        lastStitch = now;
        const tickets = await claimStitches(db, limit, now, leaseExpiresAt - now);
        return { items: tickets.map((ticket) => ({ id: ticket.entityRef, attempts: 1, data: ticket })) };
      },
      // stitchEntities completes its tickets in its own transaction.
      complete: async () => undefined,
      depth: (now) => countDueStitches(db, now),
    },
    batchSize: STITCH_BATCH,
    leaseMs: options.leaseMs,
    // While processing is busy, look again when the stitch delay may have run out.
    pollMs: Math.min(options.pollMs, STITCH_MAX_DELAY_MS),
    async handleBatch(items) {
      const tickets = items.map((item) => item.data);
      const changes = await serialWrite(() => stitchEntities(db, tickets, { now: Date.now(), logger }));
      options.publish.upserted(changes);
      lastStitch = Date.now();
    },
  });

  return {
    start() {
      processing.start();
      stitching.start();
    },
    async stop() {
      await processing.stop(SHUTDOWN_GRACE_MS);
      await flush();
      await stitching.stop(SHUTDOWN_GRACE_MS);
    },
    wake() {
      processing.wake();
      stitching.wake();
    },
  };
}
