import { doublingDelayMs } from '../../concurrency/doubling-delay.js';
import type { EventsService } from '../events/events-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import { createTableSource } from './create-table-source.js';
import { createWaker, type Waker } from './create-waker.js';
import type { WorkQueueMetrics } from './work-queue-metrics.js';
import type { WorkItem, WorkQueueDefinition, WorkQueueSource } from './work-queue-service.js';

/** What a queue runs with: its lease owner id, logger, instruments and (optionally) the events bus. */
export interface WorkQueueDeps {
  owner: string;
  logger: LoggerService;
  metrics: WorkQueueMetrics;
  /** Wake-ups from other backends arrive on `topic`. */
  events?: { bus: EventsService; topic: string };
}

/** A claimed item this backend holds the lease of, with the abort of the run it is in. */
export interface Held<T> {
  item: WorkItem<T>;
  controller?: AbortController;
  lost?: boolean;
}

/** One queue's settings (defaults applied) and the state its steps share. */
export interface QueueState<T> {
  definition: WorkQueueDefinition<T>;
  deps: WorkQueueDeps;
  source: WorkQueueSource<T>;
  /** The `queue` label of every metric. */
  label: { queue: string };
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  heartbeatMs: number;
  pollMs: number;
  /** Held items at or below which a single-item queue claims again. */
  refillAt: number;
  retryAt: NonNullable<WorkQueueDefinition<T>['retryAt']>;
  /** Every claimed item not yet finished, by id. */
  held: Map<string | number, Held<T>>;
  /** Claimed items not yet started, in claim order. */
  waiting: WorkItem<T>[];
  runs: Set<Promise<void>>;
  waker: Waker;
  stopped: boolean;
  loopDone: Promise<void>;
  heartbeat?: NodeJS.Timeout;
  unsubscribe?: () => void;
  /** When the depth gauge was last updated. */
  depthAt: number;
}

/** 1 s doubling per attempt in a row, at most 10 minutes. */
function defaultRetryAt(item: WorkItem<unknown>, _error: Error, now: number): number {
  return now + doublingDelayMs(item.attempts - 1, 1000, 600_000);
}

function isSource<T>(source: WorkQueueDefinition<T>['source']): source is WorkQueueSource<T> {
  return typeof (source as WorkQueueSource<T>).claim === 'function';
}

/**
 * A stopped queue's state: the definition's settings with their defaults, the source (a
 * table description becomes its claim SQL) and nothing held.
 *
 * @example
 * const state = createQueueState({ name: 'jobs', source, handle }, deps);
 */
export function createQueueState<T>(definition: WorkQueueDefinition<T>, deps: WorkQueueDeps): QueueState<T> {
  const concurrency = definition.concurrency ?? 1;
  const batchSize = definition.batchSize ?? concurrency;
  const leaseMs = definition.leaseMs ?? 60_000;
  return {
    definition,
    deps,
    source: (isSource(definition.source)
      ? definition.source
      : createTableSource(definition.source)) as WorkQueueSource<T>,
    label: { queue: definition.name },
    concurrency,
    batchSize,
    leaseMs,
    heartbeatMs: definition.heartbeatMs ?? Math.max(Math.floor(leaseMs / 3), 10),
    pollMs: definition.pollMs ?? 1000,
    // Claiming ahead (batchSize > concurrency) refills at half, so claims stay large batches.
    refillAt: batchSize > concurrency ? batchSize / 2 : batchSize - 1,
    retryAt: definition.retryAt ?? defaultRetryAt,
    held: new Map(),
    waiting: [],
    runs: new Set(),
    waker: createWaker(),
    stopped: true,
    loopDone: Promise.resolve(),
    depthAt: 0,
  };
}
