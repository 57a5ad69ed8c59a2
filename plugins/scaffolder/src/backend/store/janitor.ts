import type { LoggerService } from '@atrium/kernel';
import type { SerializedTaskEvent } from '../../common/index.js';
import type { TaskEventStore } from './event-store.js';
import type { TaskLifecycle } from './task-lifecycle.js';

/** The step a task was running when its events stop: begun but never finished. */
function findHungStep(events: readonly SerializedTaskEvent[]): string | undefined {
  const open = new Set<string>();
  let last: string | undefined;
  for (const event of events) {
    const { stepId, status } = event.body as { stepId?: string; status?: string };
    if (typeof stepId !== 'string' || !status) continue;
    if (status === 'processing') {
      open.add(stepId);
      last = stepId;
    } else open.delete(stepId);
  }
  return last && open.has(last) ? last : undefined;
}

/**
 * One janitor pass: fails every processing task whose heartbeat is older than
 * `taskTimeoutMs`, logging a failure on the step it hung in. Runs on one backend at a
 * time (a global scheduled task); the conditional update makes a second pass harmless.
 */
export async function runJanitorPass(options: {
  lifecycle: TaskLifecycle;
  events: TaskEventStore;
  taskTimeoutMs: number;
  logger: LoggerService;
}): Promise<number> {
  const { lifecycle, events, taskTimeoutMs, logger } = options;
  let failed = 0;
  for (const row of await lifecycle.listStale(Date.now() - taskTimeoutMs)) {
    const stepId = findHungStep(await events.list(row.id));
    const since = new Date(Number(row.last_heartbeat_at)).toISOString();
    const message =
      `Task '${row.id}' was abandoned: its worker '${row.worker_id ?? 'unknown'}' has sent no heartbeat since ${since}, ` +
      `longer than scaffolder.taskTimeout (${Math.round(taskTimeoutMs / 1000)} s); the backend running it probably crashed or was killed` +
      `${stepId ? ` during step '${stepId}'` : ''}. Retry the task to run it again.`;
    if (await lifecycle.failStale(row, stepId, message)) {
      failed++;
      logger.warn(message, { taskId: row.id });
    }
  }
  return failed;
}
