import type { LoggerService } from '@atrium/kernel';
import type { EventNotifier } from '../store/event-notifier.js';
import type { ClaimedTask, TaskStore } from '../store/task-store.js';

/** Claims open tasks and runs up to `concurrency` of them at once. */
export interface TaskWorker {
  start(): void;
  /** Stops claiming, aborts running tasks and waits for them (at most `graceMs`). */
  stop(graceMs: number): Promise<void>;
  /** Ids of the tasks this worker is running now. */
  running(): string[];
}

/** Options of {@link createTaskWorker}. */
export interface TaskWorkerOptions {
  workerId: string;
  store: TaskStore;
  notifier: EventNotifier;
  concurrency: number;
  pollIntervalMs: number;
  logger: LoggerService;
  /** Runs one claimed task to its end; `shutdown` aborts when the backend stops. */
  run(claimed: ClaimedTask, shutdown: AbortSignal): Promise<void>;
}

/**
 * Creates the worker loop. A new task on this backend wakes it at once (the store
 * notifies 'tasks'); tasks created on other backends are found by polling.
 */
export function createTaskWorker(options: TaskWorkerOptions): TaskWorker {
  const { store, notifier, concurrency, pollIntervalMs, logger } = options;
  const active = new Map<string, Promise<void>>();
  const shutdown = new AbortController();
  let loop: Promise<void> | undefined;

  async function claimNext(): Promise<boolean> {
    let claimed: ClaimedTask | undefined;
    try {
      claimed = await store.claim(options.workerId);
    } catch (error) {
      logger.warn('could not claim a scaffolder task; retrying', error as Error);
      return false;
    }
    if (!claimed) return false;
    const taskId = claimed.row.id;
    const done = options
      .run(claimed, shutdown.signal)
      .catch((error: unknown) => logger.error(`task '${taskId}' crashed its worker`, error as Error))
      .finally(() => {
        active.delete(taskId);
        notifier.notify('tasks');
      });
    active.set(taskId, done);
    return true;
  }

  async function run() {
    while (!shutdown.signal.aborted) {
      if (active.size >= concurrency || !(await claimNext())) {
        await notifier.wait('tasks', pollIntervalMs, shutdown.signal);
      }
    }
  }

  return {
    start() {
      if (concurrency > 0) loop ??= run();
    },
    async stop(graceMs) {
      shutdown.abort();
      const all = Promise.allSettled([...(loop ? [loop] : []), ...active.values()]);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
    running: () => [...active.keys()],
  };
}
