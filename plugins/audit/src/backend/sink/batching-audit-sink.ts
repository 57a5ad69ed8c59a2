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

const idsOf = (records: readonly AuditRecord[]) => records.map((record) => record.id).join(', ');

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });

class BatchingSink implements BatchingAuditSink {
  private readonly queue: AuditRecord[] = [];
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private waiters: Array<() => void> = [];
  private readonly retry: { firstMs: number; maxMs: number };

  constructor(private readonly options: BatchingAuditSinkOptions) {
    this.retry = options.retry ?? { firstMs: 100, maxMs: 30_000 };
  }

  async write(records: AuditRecord[]): Promise<void> {
    const { logger, maxBuffered } = this.options;
    if (this.stopping) {
      logger.error(
        `audit log is stopping: ${records.length} record(s) not stored, ids ${idsOf(records)}; they are in the log stream`,
      );
      return;
    }
    const room = Math.max(maxBuffered - this.queue.length, 0);
    if (room < records.length) {
      logger.error(
        `audit log buffer is full (${maxBuffered} records waiting for the database): ${records.length - room} record(s) not stored, ids ${idsOf(records.slice(room))}; they are in the log stream`,
      );
    }
    if (room === 0) return;
    this.queue.push(...records.slice(0, room));
    this.schedule();
  }

  buffered(): number {
    return this.queue.length;
  }

  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.flushNow();
    return done;
  }

  async stop(graceMs: number): Promise<void> {
    await Promise.race([this.drain(), sleep(graceMs)]);
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    if (this.queue.length > 0) {
      this.options.logger.error(
        `audit log stopped with ${this.queue.length} record(s) not stored, ids ${idsOf(this.queue)}; they are in the log stream`,
      );
      this.queue.length = 0;
    }
    this.release();
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    if (this.queue.length >= this.options.batchSize) {
      this.flushNow();
      return;
    }
    this.timer = setTimeout(() => this.flushNow(), this.options.flushDelayMs);
    this.timer.unref?.();
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) return;
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.queue.length > 0 && !this.stopping) this.flushNow();
    });
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      if (!(await this.storeHead())) return;
    }
    this.release();
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  // The head batch stays at the head until stored: later records never overtake it.
  private async storeHead(): Promise<boolean> {
    const batch = this.queue.slice(0, this.options.batchSize);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.append(batch);
        this.queue.splice(0, batch.length);
        return true;
      } catch (error) {
        if (this.stopping) return false;
        const delay = doublingDelayMs(attempt, this.retry.firstMs, this.retry.maxMs);
        this.options.logger.warn(
          `could not store ${batch.length} audit record(s) (${this.queue.length} waiting); retrying in ${delay} ms`,
          error as Error,
        );
        await sleep(delay + Math.random() * this.retry.firstMs);
      }
    }
  }
}

/**
 * A sink that accepts records at once and stores them in batches, one batch at a time and
 * in the order accepted. A failing batch (the database briefly down) is retried with the
 * kernel's doubling backoff until it is stored; records accepted meanwhile wait behind it,
 * up to `maxBuffered`. A record refused or left at shutdown is logged by id: it is still in
 * the log stream, where every audit record is printed.
 *
 * @example
 * const sink = createBatchingAuditSink({ append: (records) => store.append(records), logger, batchSize: 500, flushDelayMs: 200, maxBuffered: 100_000 });
 * auditSinks.add(sink);
 */
export function createBatchingAuditSink(options: BatchingAuditSinkOptions): BatchingAuditSink {
  return new BatchingSink(options);
}
