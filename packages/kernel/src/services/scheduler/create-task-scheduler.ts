import { ConflictError, NotFoundError } from '@atrium/errors';
import type { Kysely } from 'kysely';
import type { DatabaseClient } from '../database/database-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import { createWorkQueue } from '../work-queue/create-work-queue.js';
import type { WorkQueueMetrics } from '../work-queue/work-queue-metrics.js';
import { durationToMs } from './duration.js';
import { firstRunAt, nextRunAt } from './next-run-at.js';
import type { ScheduledTaskInfo, SchedulerService, TaskDefinition } from './scheduler-service.js';

/** The kernel table that holds global tasks and their leases (epoch milliseconds). */
export interface SchedulerTable {
  atrium_scheduler_tasks: {
    id: string;
    next_run_at: number | null;
    lease_owner: string | null;
    lease_expires_at: number | null;
    attempts: number;
    last_run_at: number | null;
    last_error: string | null;
    settings: string;
  };
}

/** The backend's scheduling engine; plugins get a view of it. */
export interface TaskScheduler {
  forPlugin(pluginId: string): SchedulerService;
  /**
   * Forgets a task, unless it was scheduled again since with another definition (a newer
   * runtime plugin generation owns it then). A run in progress finishes.
   */
  unschedule(pluginId: string, definition: TaskDefinition): void;
  /** Stops polling, aborts running tasks and waits for them (bounded by `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

interface Registered {
  definition: TaskDefinition;
  fullId: string;
  timeoutMs: number;
  localNext?: number | null;
}

// A crashed backend stops renewing its leases; another backend takes its tasks over after this.
const LEASE_MS = 30_000;

/**
 * Creates the scheduler. Global tasks are rows of `atrium_scheduler_tasks` claimed through
 * the kernel's work queue (the same claim, lease and heartbeat as every queue), so among
 * backends sharing one database exactly one runs a due task; a crashed holder's lease
 * runs out and another backend takes over. A task that outlives its timeout is aborted
 * and its lease given up, but it is not claimed again here until its function returns.
 */
export function createTaskScheduler(options: {
  db: Kysely<SchedulerTable>;
  dialect: DatabaseClient;
  logger: LoggerService;
  instanceId: string;
  metrics: WorkQueueMetrics;
  pollIntervalMs?: number;
}): TaskScheduler {
  const { db, logger, instanceId } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const tasks = new Map<string, Registered>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Runs a task's function; rejects on failure or once `signal` or the timeout aborts it. */
  function run(task: Registered, signal?: AbortSignal): Promise<void> {
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    const timeout = setTimeout(
      () => controller.abort(new Error(`task '${task.fullId}' exceeded its timeout`)),
      task.timeoutMs,
    );
    const done = task.definition.fn(controller.signal).finally(() => {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', abort);
      running.delete(task.fullId);
    });
    running.set(task.fullId, { controller, done: done.catch(() => undefined) });
    const aborted = new Promise<never>((_, reject) => {
      if (controller.signal.aborted) reject(controller.signal.reason);
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    return Promise.race([done, aborted]).catch((error: unknown) => {
      logger.error(`task '${task.fullId}' failed`, error as Error);
      throw error;
    });
  }

  const nextRun = (id: string | number, from: number) => {
    const task = tasks.get(String(id));
    return task ? nextRunAt(task.definition.frequency, from) : null;
  };
  const globalQueue = createWorkQueue<Record<string, unknown>>(
    {
      name: 'scheduler',
      source: {
        db,
        dialect: options.dialect,
        table: 'atrium_scheduler_tasks',
        columns: { dueAt: 'next_run_at', lastError: 'last_error', finishedAt: 'last_run_at' },
        // Only tasks this backend knows, and none whose function it is still running.
        only: {
          column: 'id',
          values: () =>
            [...tasks.values()]
              .filter((t) => (t.definition.scope ?? 'global') === 'global' && !running.has(t.fullId))
              .map((t) => t.fullId),
        },
      },
      concurrency: 32,
      leaseMs: LEASE_MS,
      pollMs: pollIntervalMs,
      async handle(item, signal) {
        const task = tasks.get(String(item.id));
        try {
          if (task) await run(task, signal);
        } catch (error) {
          // Logged by run(); a failed task runs again at its next regular time, not sooner.
          return { failure: error as Error, dueAt: nextRun(item.id, Date.now()) };
        }
        return { dueAt: nextRun(item.id, Date.now()) };
      },
    },
    { owner: instanceId, logger, metrics: options.metrics },
  );

  function tickLocal() {
    const now = Date.now();
    for (const task of tasks.values()) {
      if (stopped) return;
      if ((task.definition.scope ?? 'global') !== 'local' || running.has(task.fullId)) continue;
      if (task.localNext != null && task.localNext <= now) {
        task.localNext = null;
        run(task)
          .catch(() => undefined)
          .finally(() => {
            task.localNext = nextRunAt(task.definition.frequency, Date.now());
          });
      }
    }
  }

  function loop() {
    if (stopped) return;
    timer = setTimeout(() => {
      tickLocal();
      loop();
    }, pollIntervalMs);
    timer.unref();
  }

  async function register(pluginId: string, definition: TaskDefinition) {
    const fullId = `${pluginId}.${definition.id}`;
    const task: Registered = { definition, fullId, timeoutMs: durationToMs(definition.timeout) };
    const first = firstRunAt(definition.frequency, definition.initialDelay, Date.now());
    if ((definition.scope ?? 'global') === 'global') {
      const settings = JSON.stringify({ frequency: definition.frequency, timeout: definition.timeout });
      await db
        .insertInto('atrium_scheduler_tasks')
        .values({
          id: fullId,
          next_run_at: first,
          lease_owner: null,
          lease_expires_at: null,
          attempts: 0,
          last_run_at: null,
          last_error: null,
          settings,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ settings }))
        .execute();
    } else {
      task.localNext = first;
    }
    tasks.set(fullId, task);
    if (!timer && !stopped) {
      loop();
      globalQueue.start();
    }
  }

  return {
    unschedule(pluginId, definition) {
      const fullId = `${pluginId}.${definition.id}`;
      if (tasks.get(fullId)?.definition === definition) tasks.delete(fullId);
    },
    forPlugin: (pluginId) => ({
      scheduleTask: (definition) => register(pluginId, definition),
      async triggerTask(id) {
        const fullId = `${pluginId}.${id}`;
        const task = tasks.get(fullId);
        if (!task) throw new NotFoundError(`task '${fullId}' is not scheduled`);
        if (running.has(fullId)) throw new ConflictError(`task '${fullId}' is running now`);
        if ((task.definition.scope ?? 'global') === 'local') {
          task.localNext = Date.now();
          tickLocal();
        } else {
          const result = await db
            .updateTable('atrium_scheduler_tasks')
            .set({ next_run_at: Date.now() })
            .where('id', '=', fullId)
            .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', Date.now())]))
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1)
            throw new ConflictError(`task '${fullId}' is running on another backend`);
          globalQueue.wake();
        }
      },
      async getScheduledTasks(): Promise<ScheduledTaskInfo[]> {
        const prefix = `${pluginId}.`;
        const mine = [...tasks.values()].filter((t) => t.fullId.startsWith(prefix));
        const rows = await db
          .selectFrom('atrium_scheduler_tasks')
          .selectAll()
          .where('id', 'like', `${prefix}%`)
          .execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        return mine.map((t) => {
          const row = byId.get(t.fullId);
          const scope = t.definition.scope ?? 'global';
          const next = scope === 'global' ? row?.next_run_at : t.localNext;
          return {
            id: t.definition.id,
            scope,
            nextRunAt: next != null ? new Date(next) : undefined,
            lastRunAt: row?.last_run_at != null ? new Date(row.last_run_at) : undefined,
            lastError: row?.last_error ?? undefined,
          };
        });
      },
    }),
    async stop(graceMs = 10_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      await globalQueue.stop(graceMs);
      const pending = [...running.values()];
      for (const { controller } of pending) controller.abort(new Error('the backend is shutting down'));
      await Promise.race([
        Promise.allSettled(pending.map((p) => p.done)),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    },
  };
}
