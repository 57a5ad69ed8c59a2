import { RunAbortedError } from '../runner/run-types.js';
import type { TaskLease } from '../store/task-store.js';
import type { TaskRunDeps } from './run-claimed-task.js';

/**
 * Keeps a running task's lease: a heartbeat every `heartbeatMs`, which also reports a
 * cancellation requested through another backend. A cancel on this backend (notified
 * locally) or the backend's shutdown aborts the run at once.
 */
export function watchLease(options: {
  deps: TaskRunDeps;
  lease: TaskLease;
  controller: AbortController;
  shutdown: AbortSignal;
}): { stop(): void } {
  const { deps, lease, controller, shutdown } = options;
  const finished = new AbortController();
  const abort = (reason: RunAbortedError) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const cancelled = () => abort(new RunAbortedError('cancelled', `task '${lease.taskId}' was cancelled`));
  const onShutdown = () =>
    abort(
      new RunAbortedError(
        'shutdown',
        'the backend shut down while the task was running; retry the task to run it again',
      ),
    );
  shutdown.addEventListener('abort', onShutdown, { once: true });
  if (shutdown.aborted) onShutdown();

  const beat = async () => {
    try {
      const { alive, cancelRequested } = await deps.store.heartbeat(lease);
      if (!alive)
        abort(new RunAbortedError('lease-lost', `task '${lease.taskId}' is no longer held by this worker`));
      else if (cancelRequested) cancelled();
    } catch (error) {
      deps.runner.logger.warn(`heartbeat of task '${lease.taskId}' failed`, error as Error);
    }
  };
  const timer = setInterval(() => void beat(), deps.heartbeatMs);
  void (async () => {
    await deps.notifier.wait(`cancel:${lease.taskId}`, 2 ** 31 - 1, finished.signal);
    if (!finished.signal.aborted) cancelled();
  })();
  return {
    stop() {
      clearInterval(timer);
      finished.abort();
      shutdown.removeEventListener('abort', onShutdown);
    },
  };
}
