import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { EventsService } from '../events/events-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import { createTableSource } from './create-table-source.js';
import type { WorkQueueMetrics } from './work-queue-metrics.js';
import type {
  WorkItem,
  WorkOutcome,
  WorkQueue,
  WorkQueueDefinition,
  WorkQueueSource,
} from './work-queue-service.js';

/** What a queue runs with: its lease owner id, logger, instruments and (optionally) the events bus. */
export interface WorkQueueDeps {
  owner: string;
  logger: LoggerService;
  metrics: WorkQueueMetrics;
  /** Wake-ups from other backends arrive on `topic`. */
  events?: { bus: EventsService; topic: string };
}

interface Held<T> {
  item: WorkItem<T>;
  controller?: AbortController;
  lost?: boolean;
}

const DEPTH_INTERVAL_MS = 5000;

/** 1 s doubling per attempt in a row, at most 10 minutes. */
function defaultRetryAt(item: WorkItem<unknown>, _error: Error, now: number): number {
  return now + Math.min(1000 * 2 ** Math.max(item.attempts - 1, 0), 600_000);
}

function isSource<T>(source: WorkQueueDefinition<T>['source']): source is WorkQueueSource<T> {
  return typeof (source as WorkQueueSource<T>).claim === 'function';
}

/**
 * Runs one queue: claims due items in batches with a lease, runs up to `concurrency` at a
 * time, extends the leases of held items on a heartbeat, records each outcome (retrying
 * failures after a backoff) and wakes early when told there is new work.
 *
 * @example
 * const queue = createWorkQueue({ name: 'jobs', source: { db, dialect, table: 'jobs' }, handle }, deps);
 * queue.start();
 */
export function createWorkQueue<T>(definition: WorkQueueDefinition<T>, deps: WorkQueueDeps): WorkQueue {
  const { logger, metrics, owner } = deps;
  const source = (
    isSource(definition.source) ? definition.source : createTableSource(definition.source)
  ) as WorkQueueSource<T>;
  const label = { queue: definition.name };
  const concurrency = definition.concurrency ?? 1;
  const batchSize = definition.batchSize ?? concurrency;
  const leaseMs = definition.leaseMs ?? 60_000;
  const heartbeatMs = definition.heartbeatMs ?? Math.max(Math.floor(leaseMs / 3), 10);
  const pollMs = definition.pollMs ?? 1000;
  // Claiming ahead (batchSize > concurrency) refills at half, so claims stay large batches.
  const refillAt = batchSize > concurrency ? batchSize / 2 : batchSize - 1;
  const retryAt = definition.retryAt ?? defaultRetryAt;
  const held = new Map<string | number, Held<T>>();
  const waiting: WorkItem<T>[] = [];
  const runs = new Set<Promise<void>>();
  let stopped = true;
  let loopDone: Promise<void> = Promise.resolve();
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let depthAt = 0;
  let resolveWait: (() => void) | undefined;
  let woken = false;

  // A wake-up with nobody waiting is remembered, so the next wait returns at once.
  const notify = () => {
    const resolve = resolveWait;
    resolveWait = undefined;
    if (resolve) resolve();
    else woken = true;
  };
  const waitFor = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        return resolve();
      }
      const timer = setTimeout(() => {
        resolveWait = undefined;
        resolve();
      }, ms);
      resolveWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function finish(entries: Held<T>[], outcome: (item: WorkItem<T>) => WorkOutcome) {
    for (const entry of entries) {
      held.delete(entry.item.id);
      if (entry.lost) continue;
      await source
        .complete(entry.item, outcome(entry.item), owner)
        .catch((error: unknown) =>
          logger.warn(
            `could not record the outcome of '${entry.item.id}' in queue '${definition.name}'`,
            error as Error,
          ),
        );
    }
  }

  async function runEntries(entries: Held<T>[]) {
    const controller = new AbortController();
    for (const entry of entries) entry.controller = controller;
    const stopTimer = metrics.duration.startTimer(label);
    try {
      if (definition.handleBatch) {
        await definition.handleBatch(
          entries.map((entry) => entry.item),
          controller.signal,
        );
        for (const entry of entries) held.delete(entry.item.id);
        metrics.processed.inc(label, entries.length);
      } else {
        const [entry] = entries as [Held<T>];
        const result = await definition.handle?.(entry.item, controller.signal);
        const failure = result?.failure;
        const now = Date.now();
        if (failure) metrics.failed.inc(label);
        else metrics.processed.inc(label);
        await finish([entry], (item) =>
          failure
            ? {
                status: 'failed',
                error: failure,
                retryAt: result.dueAt !== undefined ? result.dueAt : retryAt(item, failure, now),
              }
            : { status: 'done', dueAt: result?.dueAt ?? null },
        );
      }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      metrics.failed.inc(label, entries.length);
      logger.warn(`an item of queue '${definition.name}' failed: ${failure.message}`);
      const now = Date.now();
      await finish(entries, (item) => ({
        status: 'failed',
        error: failure,
        retryAt: retryAt(item, failure, now),
      }));
    } finally {
      stopTimer();
    }
  }

  function start(entries: Held<T>[]) {
    const run = runEntries(entries).finally(() => {
      runs.delete(run);
      pump();
      notify();
    });
    runs.add(run);
  }

  function pump() {
    while (!stopped && runs.size < concurrency && waiting.length > 0) {
      const items = definition.handleBatch ? waiting.splice(0) : waiting.splice(0, 1);
      start(items.map((item) => held.get(item.id)).filter((entry): entry is Held<T> => !!entry));
    }
  }

  async function claim(): Promise<boolean> {
    const room = definition.handleBatch ? (runs.size < concurrency ? batchSize : 0) : batchSize - held.size;
    if (room <= 0 || (!definition.handleBatch && held.size > refillAt)) return false;
    const now = Date.now();
    const { items, expiredLeases } = await source.claim({
      owner,
      limit: room,
      now,
      leaseExpiresAt: now + leaseMs,
    });
    if (expiredLeases) metrics.leaseExpiries.inc(label, expiredLeases);
    for (const item of items) {
      held.set(item.id, { item });
      waiting.push(item);
    }
    pump();
    return items.length > 0;
  }

  async function updateDepth() {
    if (!source.depth || Date.now() - depthAt < DEPTH_INTERVAL_MS) return;
    depthAt = Date.now();
    metrics.depth.set(label, await source.depth(depthAt));
  }

  async function beat() {
    if (!source.extend || held.size === 0) return;
    const entries = [...held.values()];
    const now = Date.now();
    const alive = new Set(
      await source.extend(
        entries.map((entry) => entry.item),
        { owner, now, leaseExpiresAt: now + leaseMs },
      ),
    );
    for (const entry of entries) {
      if (alive.has(entry.item.id) || !held.has(entry.item.id)) continue;
      entry.lost = true;
      metrics.leaseExpiries.inc(label);
      entry.controller?.abort(
        new AtriumError(
          kernelErrorCodes.WORK_LEASE_LOST,
          `the lease of '${entry.item.id}' in queue '${definition.name}' was lost`,
        ),
      );
      const index = waiting.indexOf(entry.item);
      if (index >= 0) {
        waiting.splice(index, 1);
        held.delete(entry.item.id);
      }
    }
  }

  async function loop() {
    while (!stopped) {
      let worked = false;
      try {
        worked = await claim();
        await updateDepth();
      } catch (error) {
        logger.warn(`queue '${definition.name}' could not claim work; retrying`, error as Error);
      }
      // SQLite answers synchronously: let HTTP requests and timers run between rounds.
      await new Promise((resolve) => setImmediate(resolve));
      if (!worked && !stopped) await waitFor(pollMs);
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loopDone = loop();
      heartbeat = setInterval(() => {
        beat().catch((error: unknown) =>
          logger.warn(`queue '${definition.name}' could not extend its leases`, error as Error),
        );
      }, heartbeatMs);
      heartbeat.unref();
      if (deps.events) {
        void deps.events.bus
          .subscribe({ id: `work-queue.${definition.name}`, topics: [deps.events.topic], onEvent: notify })
          .then((off) => {
            if (stopped) off();
            else unsubscribe = off;
          });
      }
    },
    wake(options) {
      if (stopped) return;
      notify();
      if (options?.allBackends && deps.events) {
        deps.events.bus
          .publish({ topic: deps.events.topic, eventPayload: {} })
          .catch((error: unknown) =>
            logger.warn(`could not wake queue '${definition.name}' on other backends`, error as Error),
          );
      }
    },
    async stop(graceMs = 10_000) {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      unsubscribe?.();
      notify();
      await loopDone;
      const unstarted = waiting.splice(0);
      for (const item of unstarted) held.delete(item.id);
      if (unstarted.length > 0 && source.release) {
        await source
          .release(unstarted, owner)
          .catch((error: unknown) =>
            logger.warn(`queue '${definition.name}' could not hand back claimed items`, error as Error),
          );
      }
      const shutdown = new AtriumError(
        kernelErrorCodes.WORK_QUEUE_STOPPED,
        `queue '${definition.name}' stopped: the backend is shutting down`,
      );
      for (const entry of held.values()) entry.controller?.abort(shutdown);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...runs]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
