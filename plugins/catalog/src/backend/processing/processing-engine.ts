import { type LoggerService, sql } from '@atrium/kernel';
import { listOf, type SqlClient } from '../database/sql-client.js';
import { stitchEntities } from '../stitching/stitch-entities.js';
import { claimStitches } from '../stitching/stitch-queue.js';
import type { CatalogEventPublisher } from './catalog-event-publisher.js';
import { type ClaimedEntity, claimDueEntities } from './claim-entities.js';
import { processEntity } from './process-entity.js';
import type { ProcessingContext } from './processing-context.js';
import type { ProcessingSchedule } from './processing-schedule.js';
import { type ProcessedItem, writeProcessingResults } from './write-results.js';

/** Options of {@link createProcessingEngine}. */
export interface ProcessingEngineOptions {
  sql: SqlClient;
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

/** The background loop that processes due entities and stitches changed ones. */
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
const STITCH_ROUND_MS = 300;
// While entities are still being processed, stitching waits (an entity is then stitched
// once, not once per related entity that gets processed), but never longer than this.
const STITCH_MAX_DELAY_MS = 3000;

/**
 * Creates the processing engine: claims due entities in batches, processes them with
 * bounded concurrency, writes results in batched transactions as they complete (a slow
 * entity does not hold up the rest), and stitches queued entities when processing
 * quiets down or has waited too long.
 *
 * @example
 * const engine = createProcessingEngine({ sql, context, schedule, orphanStrategy: 'delete', ... });
 * engine.start();
 */
export function createProcessingEngine(options: ProcessingEngineOptions): ProcessingEngine {
  const { sql: db, logger } = options;
  const queue: ClaimedEntity[] = [];
  const buffer: ProcessedItem[] = [];
  let running = 0;
  let bufferSince = 0;
  let lastStitch = Date.now();
  let stopped = true;
  let loopDone: Promise<void> = Promise.resolve();
  let signal: (() => void) | undefined;
  let notified = false;

  // A notification with nobody waiting is remembered, so the next wait returns at once.
  const notify = () => {
    const resolve = signal;
    signal = undefined;
    if (resolve) resolve();
    else notified = true;
  };
  const waitFor = (ms: number) =>
    new Promise<void>((resolve) => {
      if (notified) {
        notified = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        signal = undefined;
        resolve();
      }, ms);
      signal = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  function pump() {
    while (running < options.concurrency && queue.length > 0) {
      const claim = queue.shift() as ClaimedEntity;
      running++;
      processEntity(
        { entityRef: claim.entityRef, unprocessedJson: claim.unprocessedJson, cacheJson: claim.cacheJson },
        options.context,
      )
        .then((outcome) => {
          if (buffer.length === 0) bufferSince = Date.now();
          buffer.push({ claim, outcome });
        })
        .finally(() => {
          running--;
          pump();
          notify();
        });
    }
  }

  async function flush(): Promise<void> {
    const items = buffer.splice(0);
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

  async function stitchRound(): Promise<boolean> {
    const started = Date.now();
    let worked = false;
    while (Date.now() - started < STITCH_ROUND_MS) {
      const tickets = await claimStitches(db, STITCH_BATCH, Date.now(), options.leaseMs);
      if (tickets.length === 0) break;
      worked = true;
      options.publish.upserted(await stitchEntities(db, tickets, { now: Date.now(), logger }));
      await new Promise((resolve) => setImmediate(resolve));
      if (tickets.length < STITCH_BATCH) break;
    }
    lastStitch = Date.now();
    return worked;
  }

  async function step(): Promise<boolean> {
    let worked = false;
    const load = queue.length + running;
    if (load < options.batchSize / 2) {
      const claimed = await claimDueEntities(db, options.batchSize - load, Date.now(), options.leaseMs);
      if (claimed.length > 0) {
        queue.push(...claimed);
        pump();
        worked = true;
      }
    }
    const busy = queue.length + running > 0;
    if (
      buffer.length >= FLUSH_SIZE ||
      (buffer.length > 0 && (!busy || Date.now() - bufferSince > FLUSH_MAX_AGE_MS))
    ) {
      await flush();
      worked = true;
    }
    if (!busy || Date.now() - lastStitch > STITCH_MAX_DELAY_MS) worked = (await stitchRound()) || worked;
    if (!worked && (busy || buffer.length > 0)) {
      await waitFor(FLUSH_MAX_AGE_MS);
      return true;
    }
    return worked;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        const worked = await step();
        // SQLite answers synchronously, so a busy round never leaves the microtask queue:
        // give HTTP requests and timers a turn between rounds.
        await new Promise((resolve) => setImmediate(resolve));
        if (!worked) await waitFor(options.pollMs);
      } catch (error) {
        logger.error('catalog processing round failed; it is retried', error as Error);
        await waitFor(options.pollMs);
      }
    }
  }

  async function drain(): Promise<void> {
    const released = queue.splice(0).map((claim) => claim.id);
    if (released.length > 0) {
      await db.run(
        sql`UPDATE refresh_state SET next_update_at = ${Date.now()} WHERE id IN (${listOf(db.dialect, released)})`,
      );
    }
    const deadline = Date.now() + 5000;
    while (running > 0 && Date.now() < deadline) await waitFor(50);
    if (buffer.length > 0) await flush();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loopDone = loop();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      notify();
      await loopDone;
      await drain().catch((error: unknown) =>
        logger.warn('could not hand back claimed entities at shutdown', error as Error),
      );
    },
    wake: notify,
  };
}
