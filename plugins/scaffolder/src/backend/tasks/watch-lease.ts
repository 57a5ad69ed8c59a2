import { isAtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '@atrium/kernel';
import { RunAbortedError } from '../runner/run-types.js';
import type { TaskLease } from '../store/task-store.js';
import type { TaskRunDeps } from './run-claimed-task.js';

/**
 * Turns what can stop a running task into the run's abort reason: a cancel on this
 * backend (notified locally) or reported by the work queue's heartbeat, a lost lease, or
 * the backend's shutdown (both from the work queue's `signal`).
 */
export function watchLease(options: {
  deps: TaskRunDeps;
  lease: TaskLease;
  controller: AbortController;
  signal: AbortSignal;
}): { stop(): void } {
  const { deps, lease, controller, signal } = options;
  const finished = new AbortController();
  const abort = (reason: RunAbortedError) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const cancelled = () => abort(new RunAbortedError('cancelled', `task '${lease.taskId}' was cancelled`));
  const onQueueAbort = () => {
    const reason = signal.reason;
    if (isAtriumError(reason) && reason.code === kernelErrorCodes.WORK_LEASE_LOST) {
      abort(new RunAbortedError('lease-lost', `task '${lease.taskId}' is no longer held by this worker`));
    } else {
      abort(
        new RunAbortedError(
          'shutdown',
          'the backend shut down while the task was running; retry the task to run it again',
        ),
      );
    }
  };
  signal.addEventListener('abort', onQueueAbort, { once: true });
  if (signal.aborted) onQueueAbort();
  deps.cancels.set(lease.taskId, cancelled);
  void (async () => {
    await deps.notifier.wait(`cancel:${lease.taskId}`, 2 ** 31 - 1, finished.signal);
    if (!finished.signal.aborted) cancelled();
  })();
  return {
    stop() {
      finished.abort();
      deps.cancels.delete(lease.taskId);
      signal.removeEventListener('abort', onQueueAbort);
    },
  };
}
