import { ConflictError, NotFoundError } from '@atrium/errors';
import type { Kysely } from 'kysely';
import type { LoggerService } from '../logger/logger-service.js';
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
    last_run_at: number | null;
    last_error: string | null;
    settings: string;
  };
}

/** The backend's scheduling engine; plugins get a view of it. */
export interface TaskScheduler {
  forPlugin(pluginId: string): SchedulerService;
  /** Stops polling, aborts running tasks and waits for them (bounded by `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

interface Registered {
  definition: TaskDefinition;
  fullId: string;
  timeoutMs: number;
  localNext?: number | null;
}

/**
 * Creates the scheduler. Global tasks are claimed with a conditional update on the lease
 * columns, so among backends sharing one database exactly one runs a due task; a crashed
 * holder's lease expires after the task's timeout and another backend takes over.
 */
export function createTaskScheduler(options: {
  db: Kysely<SchedulerTable>;
  logger: LoggerService;
  instanceId: string;
  pollIntervalMs?: number;
}): TaskScheduler {
  const { db, logger, instanceId } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const tasks = new Map<string, Registered>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function run(task: Registered, release: (error?: string) => Promise<void>) {
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(new Error(`task '${task.fullId}' exceeded its timeout`)),
      task.timeoutMs,
    );
    const done = (async () => {
      let failure: string | undefined;
      try {
        await task.definition.fn(controller.signal);
      } catch (error) {
        failure = (error as Error).message ?? String(error);
        logger.error(`task '${task.fullId}' failed`, error as Error);
      } finally {
        clearTimeout(timeout);
        running.delete(task.fullId);
        await release(failure).catch((error: unknown) =>
          logger.warn(`could not release task '${task.fullId}'`, error as Error),
        );
      }
    })();
    running.set(task.fullId, { controller, done });
    await done;
  }

  async function tryGlobal(task: Registered, now: number) {
    const claim = await db
      .updateTable('atrium_scheduler_tasks')
      .set({ lease_owner: instanceId, lease_expires_at: now + task.timeoutMs })
      .where('id', '=', task.fullId)
      .where('next_run_at', 'is not', null)
      .where('next_run_at', '<=', now)
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', now)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) return;
    void run(task, async (error) => {
      const finished = Date.now();
      await db
        .updateTable('atrium_scheduler_tasks')
        .set({
          lease_owner: null,
          lease_expires_at: null,
          last_run_at: finished,
          last_error: error ?? null,
          next_run_at: nextRunAt(task.definition.frequency, finished),
        })
        .where('id', '=', task.fullId)
        .where('lease_owner', '=', instanceId)
        .execute();
    });
  }

  async function tick() {
    const now = Date.now();
    for (const task of tasks.values()) {
      if (stopped) return;
      if (running.has(task.fullId)) continue;
      try {
        if ((task.definition.scope ?? 'global') === 'global') await tryGlobal(task, now);
        else if (task.localNext != null && task.localNext <= now) {
          task.localNext = null;
          void run(task, async () => {
            task.localNext = nextRunAt(task.definition.frequency, Date.now());
          });
        }
      } catch (error) {
        logger.warn(`scheduler could not check task '${task.fullId}'`, error as Error);
      }
    }
  }

  function loop() {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(loop);
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
    if (!timer && !stopped) loop();
  }

  return {
    forPlugin: (pluginId) => ({
      scheduleTask: (definition) => register(pluginId, definition),
      async triggerTask(id) {
        const fullId = `${pluginId}.${id}`;
        const task = tasks.get(fullId);
        if (!task) throw new NotFoundError(`task '${fullId}' is not scheduled`);
        if (running.has(fullId)) throw new ConflictError(`task '${fullId}' is running now`);
        if ((task.definition.scope ?? 'global') === 'local') {
          task.localNext = Date.now();
        } else {
          const result = await db
            .updateTable('atrium_scheduler_tasks')
            .set({ next_run_at: Date.now() })
            .where('id', '=', fullId)
            .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', Date.now())]))
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1)
            throw new ConflictError(`task '${fullId}' is running on another backend`);
        }
        void tick();
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
      const pending = [...running.values()];
      for (const { controller } of pending) controller.abort(new Error('the backend is shutting down'));
      await Promise.race([
        Promise.allSettled(pending.map((p) => p.done)),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    },
  };
}
