import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SchedulerService } from '@atrium/kernel';
import { toMs } from './create-scaffolder-context.js';
import { createTemplateSource } from './files/template-source.js';
import type { ScaffolderContext } from './routes/scaffolder-context.js';
import type { EventNotifier } from './store/event-notifier.js';
import { runJanitorPass } from './store/janitor.js';
import { runClaimedTask, type TaskRunDeps } from './tasks/run-claimed-task.js';
import { sweepWorkspaces } from './tasks/sweep-workspaces.js';
import { createTaskWorker, type TaskWorker } from './tasks/task-worker.js';

/**
 * Creates this backend's task worker (started once the backend is up) and schedules the
 * janitor, which runs on one backend at a time and fails tasks whose worker died.
 */
export async function setUpTaskWorker(
  ctx: ScaffolderContext & { notifier: EventNotifier },
  scheduler: SchedulerService,
): Promise<TaskWorker> {
  const workerId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const runDeps: TaskRunDeps = {
    runner: ctx.runner,
    store: ctx.store,
    events: ctx.events,
    notifier: ctx.notifier,
    cipher: ctx.cipher,
    auth: ctx.auth,
    source: createTemplateSource({ urlReader: ctx.urlReader }),
    workerId,
    workingDirectory: ctx.workingDirectory,
    heartbeatMs: toMs(ctx.config.taskHeartbeatInterval),
    authorizeActionFor: (credentials) => ctx.authorizer.actionAuthorizer(credentials),
  };
  const taskTimeoutMs = toMs(ctx.config.taskTimeout);
  const frequencyMs = toMs(ctx.config.taskTimeoutJanitorFrequency);
  await scheduler.scheduleTask({
    id: 'janitor',
    frequency: { milliseconds: frequencyMs },
    // The lease: a backend killed during a pass blocks the janitor this long at most.
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
  // Leftovers of a crash are removed in the background; they never block startup.
  sweepWorkspaces(ctx.workingDirectory, ctx.store, ctx.logger).catch((error: unknown) =>
    ctx.logger.warn(`could not sweep old workspaces in ${ctx.workingDirectory}`, error as Error),
  );
  return createTaskWorker({
    workerId,
    store: ctx.store,
    notifier: ctx.notifier,
    concurrency: ctx.config.concurrentTasksLimit,
    pollIntervalMs: ctx.eventPollIntervalMs,
    logger: ctx.logger,
    run: (claimed, shutdown) => runClaimedTask(runDeps, claimed, shutdown),
  });
}
