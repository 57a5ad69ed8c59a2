import { type AuditRecord, type AuditSink, doublingDelayMs, type LoggerService } from '@atrium/kernel';

/** Options of {@link createBatchingAuditSink}. */
export interface BatchingAuditSinkOptions {
  /** Stores one batch, in order; throws when it could not (the batch is retried). */
  append(records: readonly AuditRecord[]): Promise<void>;
  logger: LoggerService;
  /** Records per insert. */
  batchSize: number;
  /** How long the first record of a batch waits for others. */
  flushDelayMs: number;
  /** Records held while the database is unreachable; more are refused (and logged). */
  maxBuffered: number;
  /** Backoff of a failing batch: first delay and cap (doubling). */
  retry?: { firstMs: number; maxMs: number };
}

/** The sink plus what the plugin's lifecycle needs. */
export interface BatchingAuditSink extends AuditSink {
  /** Records accepted but not yet stored. */
  buffered(): number;
  /** Resolves once everything accepted so far is stored (or `stop` gave up). */
  drain(): Promise<void>;
  /** Stores what it can within `graceMs`, then logs the ids of what was not stored. */
  stop(graceMs: number): Promise<void>;
}

const idsOf = (records: readonly AuditRecord[]) => records.map((record) => record.id);

/**
 * A sink that accepts records at once and stores them in batches, one batch at a time and
 * in the order accepted. A failing batch (the database briefly down) is retried with the
 * kernel's doubling backoff until it is stored; records accepted meanwhile wait behind it,
 * up to `maxBuffered`. A record refused or left at shutdown is logged by id: it is still in
 * the log stream, where every audit record is printed.
 */
export function createBatchingAuditSink(options: BatchingAuditSinkOptions): BatchingAuditSink {
  const { logger, batchSize, flushDelayMs, maxBuffered } = options;
  const retry = options.retry ?? { firstMs: 100, maxMs: 30_000 };
  const queue: AuditRecord[] = [];
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let waiters: Array<() => void> = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const handle = setTimeout(resolve, ms);
      handle.unref?.();
    });

  async function storeHead(): Promise<boolean> {
    const batch = queue.slice(0, batchSize);
    for (let attempt = 0; ; attempt++) {
      try {
        await options.append(batch);
        queue.splice(0, batch.length);
        return true;
      } catch (error) {
        if (stopping) return false;
        const delay = doublingDelayMs(attempt, retry.firstMs, retry.maxMs);
        logger.warn(
          `could not store ${batch.length} audit record(s) (${queue.length} waiting); retrying in ${delay} ms`,
          error as Error,
        );
        await sleep(delay + Math.random() * retry.firstMs);
      }
    }
  }

  async function run(): Promise<void> {
    while (queue.length > 0) {
      if (!(await storeHead())) return;
    }
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  function flushNow(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (running) return;
    running = run().finally(() => {
      running = undefined;
      if (queue.length > 0 && !stopping) flushNow();
    });
  }

  function schedule(): void {
    if (running || timer) return;
    if (queue.length >= batchSize) {
      flushNow();
      return;
    }
    timer = setTimeout(flushNow, flushDelayMs);
    timer.unref?.();
  }

  return {
    async write(records) {
      if (stopping) {
        logger.error(
          `audit log is stopping: ${records.length} record(s) not stored, ids ${idsOf(records).join(', ')}; they are in the log stream`,
        );
        return;
      }
      const room = Math.max(maxBuffered - queue.length, 0);
      if (room < records.length) {
        logger.error(
          `audit log buffer is full (${maxBuffered} records waiting for the database): ${records.length - room} record(s) not stored, ids ${idsOf(records.slice(room)).join(', ')}; they are in the log stream`,
        );
      }
      if (room === 0) return;
      queue.push(...records.slice(0, room));
      schedule();
    },
    buffered: () => queue.length,
    drain() {
      if (queue.length === 0 && !running) return Promise.resolve();
      const done = new Promise<void>((resolve) => waiters.push(resolve));
      flushNow();
      return done;
    },
    async stop(graceMs) {
      const drained = this.drain();
      await Promise.race([drained, sleep(graceMs)]);
      stopping = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      if (queue.length > 0) {
        logger.error(
          `audit log stopped with ${queue.length} record(s) not stored, ids ${idsOf(queue).join(', ')}; they are in the log stream`,
        );
        queue.length = 0;
      }
      for (const resolve of waiters) resolve();
      waiters = [];
    },
  };
}
