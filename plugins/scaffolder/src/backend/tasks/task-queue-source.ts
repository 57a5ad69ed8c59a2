import type { WorkQueueSource } from '@atrium/kernel';
import type { ClaimedTask, TaskStore } from '../store/task-store.js';

/** Cancellations the heartbeat learns of, by task id: each running task registers its own. */
export type CancelRegistry = Map<string, () => void>;

/**
 * The scaffolder's tasks table as a work-queue source: open tasks are claimed with the
 * store's conditional update (the table keeps its status / worker / attempt columns),
 * leases are kept by heartbeats, which also carry cancellations asked for on other
 * backends. A run stores its own completion, with its completion event.
 *
 * @example
 * const source = createTaskQueueSource({ store, workerId, cancels: new Map() });
 */
export function createTaskQueueSource(options: {
  store: TaskStore;
  workerId: string;
  cancels: CancelRegistry;
}): WorkQueueSource<ClaimedTask> {
  const { store, workerId, cancels } = options;
  const lease = (claimed: ClaimedTask) => ({ taskId: claimed.row.id, workerId, attempt: claimed.attempt });
  return {
    async claim({ limit }) {
      const items = [];
      while (items.length < limit) {
        const claimed = await store.claim(workerId);
        if (!claimed) break;
        items.push({ id: claimed.row.id, attempts: claimed.attempt + 1, data: claimed });
      }
      return { items };
    },
    async extend(items) {
      const alive: string[] = [];
      for (const item of items) {
        const { alive: held, cancelRequested } = await store.heartbeat(lease(item.data));
        if (!held) continue;
        alive.push(item.data.row.id);
        if (cancelRequested) cancels.get(item.data.row.id)?.();
      }
      return alive;
    },
    // The run has stored its completion already (or lost its lease, and stores nothing).
    complete: async () => undefined,
    depth: () => store.countOpen(),
  };
}
