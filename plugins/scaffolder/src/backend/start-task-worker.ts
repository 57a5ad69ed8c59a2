import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SchedulerService, WorkQueue, WorkQueueService } from '@atrium/kernel';
import { toMs } from './create-scaffolder-context.js';
import { createTemplateSource } from './files/template-source.js';
import type { ScaffolderContext } from './routes/scaffolder-context.js';
import type { EventNotifier } from './store/event-notifier.js';
import { runJanitorPass } from './store/janitor.js';
import type { TaskRow } from './store/tables.js';
import { runClaimedTask, type TaskRunDeps } from './tasks/run-claimed-task.js';
import { sweepWorkspaces } from './tasks/sweep-workspaces.js';
import { type CancelRegistry, createTaskQueueSource } from './tasks/task-queue-source.js';

/**
 * Creates this backend's task queue on the kernel's work queue (started once the backend
 * is up) and schedules the janitor, which runs on one backend at a time and fails tasks
 * whose worker died. A task created here wakes every backend's queue at once.
 */
export async function setUpTaskWorker(
  ctx: ScaffolderContext & { notifier: EventNotifier },
  services: { scheduler: SchedulerService; workQueue: WorkQueueService },
): Promise<{ start(): void; stop(graceMs: number): Promise<void> }> {
  const { scheduler } = services;
  const workerId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const cancels: CancelRegistry = new Map();
  const runDeps = taskRunDeps(ctx, workerId, cancels);
  await scheduleJanitor(ctx, scheduler);
  // Leftovers of a crash are removed in the background; they never block startup.
  sweepWorkspaces(ctx.workingDirectory, ctx.store, ctx.logger).catch((error: unknown) =>
    ctx.logger.warn(`could not sweep old workspaces in ${ctx.workingDirectory}`, error as Error),
  );
  const heartbeatMs = toMs(ctx.config.taskHeartbeatInterval);
  const concurrency = ctx.config.concurrentTasksLimit;
  const queue: WorkQueue = services.workQueue.create({
    name: 'tasks',
    source: createTaskQueueSource({ store: ctx.store, workerId, cancels }),
    concurrency: Math.max(concurrency, 1),
    heartbeatMs,
    // The janitor, not the lease, decides when a silent worker's task is abandoned.
    leaseMs: 3 * heartbeatMs,
    pollMs: ctx.eventPollIntervalMs,
    // A failed task is not retried by itself: the user retries it.
    retryAt: () => null,
    async handle(item, signal) {
      const status = await runClaimedTask(runDeps, item.data, signal);
      if (status) await recordTaskRun(ctx, item.data.row, status);
      // Stored with the task already: counted as a failure of the queue, not logged again.
      if (status === 'failed') return { failure: new Error(`task '${item.id}' failed`) };
      return undefined;
    },
  });
  // New or retried tasks on this backend (the store notifies 'tasks') wake every backend.
  const stopped = new AbortController();
  const wakeOnNewTasks = async () => {
    while (!stopped.signal.aborted) {
      await ctx.notifier.wait('tasks', 2 ** 31 - 1, stopped.signal);
      if (!stopped.signal.aborted) queue.wake({ allBackends: true });
    }
  };
  return {
    start() {
      if (concurrency === 0) return;
      queue.start();
      void wakeOnNewTasks();
    },
    async stop(graceMs) {
      stopped.abort();
      await queue.stop(graceMs);
    },
  };
}

/** The janitor runs on one backend at a time and fails tasks whose worker went silent. */
async function scheduleJanitor(ctx: ScaffolderContext, scheduler: SchedulerService): Promise<void> {
  const taskTimeoutMs = toMs(ctx.config.taskTimeout);
  const frequencyMs = toMs(ctx.config.taskTimeoutJanitorFrequency);
  await scheduler.scheduleTask({
    id: 'janitor',
    frequency: { milliseconds: frequencyMs },
    // How long one pass may run. A backend killed during a pass holds the janitor up
    // until the scheduler's lease of it runs out (30 s after its last heartbeat).
    timeout: { milliseconds: Math.min(Math.max(2 * frequencyMs, 10_000), 300_000) },
    fn: async () => {
      await runJanitorPass({
        lifecycle: ctx.lifecycle,
        events: ctx.events,
        taskTimeoutMs,
        logger: ctx.logger,
      });
    },
  });
}

/** The outcome of a task run, by the scaffolder itself; the creator is in meta (and in `task.create`). */
async function recordTaskRun(ctx: ScaffolderContext, row: TaskRow, status: string): Promise<void> {
  await ctx.auditor.record({
    eventId: 'task.run',
    severityLevel: 'medium',
    credentials: ctx.auth.getOwnServiceCredentials(),
    target: row.template_ref ?? undefined,
    status: status === 'failed' ? 'failed' : 'succeeded',
    error: status === 'failed' ? new Error(`task '${row.id}' failed`) : undefined,
    meta: { taskId: row.id, taskStatus: status, createdBy: row.created_by ?? undefined },
  });
}

/** What running one claimed task needs, from the plugin's context. */
function taskRunDeps(
  ctx: ScaffolderContext & { notifier: EventNotifier },
  workerId: string,
  cancels: CancelRegistry,
): TaskRunDeps {
  return {
    runner: ctx.runner,
    store: ctx.store,
    events: ctx.events,
    notifier: ctx.notifier,
    cipher: ctx.cipher,
    auth: ctx.auth,
    source: createTemplateSource({ urlReader: ctx.urlReader }),
    workerId,
    workingDirectory: ctx.workingDirectory,
    cancels,
    authorizeActionFor: (credentials) => ctx.authorizer.actionAuthorizer(credentials),
  };
}
