import { NotFoundError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { TaskStatus } from '../../common/index.js';
import type { EventNotifier } from './event-notifier.js';
import type { TaskEventStore } from './event-store.js';
import type { ScaffolderTables, TaskRow } from './tables.js';
import { conflict } from './task-store.js';

const FINISHED: readonly string[] = ['completed', 'failed', 'cancelled'];

/** Cancel, retry and stale-task handling: transitions requested from outside a run. */
export interface TaskLifecycle {
  /** Cancels an open task at once, or asks the worker of a processing one to stop. */
  cancel(taskId: string, by: string | undefined): Promise<TaskStatus>;
  /** Re-opens a finished task with new secrets (stored encrypted). */
  retry(taskId: string, encryptedSecrets: string | null): Promise<void>;
  /** Processing tasks whose heartbeat is older than `before` (epoch ms). */
  listStale(before: number): Promise<TaskRow[]>;
  /** Fails a stale task unless its worker came back meanwhile; false when it did. */
  failStale(row: TaskRow, stepId: string | undefined, message: string): Promise<boolean>;
}

/**
 * Creates the lifecycle operations over the task and event tables (`db` is `database`'s
 * write connection). Readers are woken after each transaction: its body may run again.
 */
export function createTaskLifecycle(
  database: DatabaseService,
  db: Kysely<ScaffolderTables>,
  events: TaskEventStore,
  notifier: EventNotifier,
): TaskLifecycle {
  return {
    async cancel(taskId, by) {
      const message = `Task was cancelled${by ? ` by ${by}` : ''}`;
      await database.transaction<ScaffolderTables, void>(async (trx) => {
        // Conditional updates, so a worker claiming the task at this moment is handled:
        // an open task ends here; a processing one is asked to stop by its worker.
        const open = await trx
          .updateTable('scaffolder_tasks')
          .set({ status: 'cancelled', secrets: null })
          .where('id', '=', taskId)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(open.numUpdatedRows) === 1) {
          await events.append(taskId, 'cancelled', { message }, trx);
          await events.append(taskId, 'completion', { message: 'Run completed with status: cancelled' }, trx);
          return;
        }
        const running = await trx
          .updateTable('scaffolder_tasks')
          .set({ cancel_requested_at: Date.now() })
          .where('id', '=', taskId)
          .where('status', '=', 'processing')
          .executeTakeFirst();
        if (Number(running.numUpdatedRows) === 1) {
          await events.append(taskId, 'cancelled', { message }, trx);
          return;
        }
        const row = await trx
          .selectFrom('scaffolder_tasks')
          .select('status')
          .where('id', '=', taskId)
          .executeTakeFirst();
        if (!row) throw new NotFoundError(`task '${taskId}' does not exist`);
        conflict(taskId, row.status, 'only open or processing tasks can be cancelled');
      });
      notifier.notify(taskId);
      notifier.notify(`cancel:${taskId}`);
      return 'cancelled';
    },
    async retry(taskId, encryptedSecrets) {
      await database.transaction<ScaffolderTables, void>(async (trx) => {
        const row = await trx
          .selectFrom('scaffolder_tasks')
          .selectAll()
          .where('id', '=', taskId)
          .executeTakeFirst();
        if (!row) throw new NotFoundError(`task '${taskId}' does not exist`);
        if (!FINISHED.includes(row.status))
          conflict(taskId, row.status, 'only finished tasks can be retried');
        // Still finished when written: of two retries at once only one reopens the task.
        const reopened = await trx
          .updateTable('scaffolder_tasks')
          .set({
            status: 'open',
            attempt: row.attempt + 1,
            secrets: encryptedSecrets,
            worker_id: null,
            last_heartbeat_at: null,
            cancel_requested_at: null,
          })
          .where('id', '=', taskId)
          .where('status', 'in', FINISHED)
          .executeTakeFirst();
        if (Number(reopened.numUpdatedRows) !== 1)
          conflict(taskId, 'open', 'only finished tasks can be retried');
        await events.removeTypes(trx, taskId, ['completion', 'cancelled']);
        await events.append(
          taskId,
          'recovered',
          { message: 'Task was retried; it runs again from the first step' },
          trx,
        );
      });
      notifier.notify(taskId);
      notifier.notify('tasks');
    },
    listStale: (before) =>
      db
        .selectFrom('scaffolder_tasks')
        .selectAll()
        .where('status', '=', 'processing')
        .where('last_heartbeat_at', '<', before)
        .execute(),
    async failStale(row, stepId, message) {
      const failed = await database.transaction<ScaffolderTables, boolean>(async (trx) => {
        const result = await trx
          .updateTable('scaffolder_tasks')
          .set({ status: 'failed', secrets: null })
          .where('id', '=', row.id)
          .where('status', '=', 'processing')
          .where('attempt', '=', row.attempt)
          .where('last_heartbeat_at', '=', row.last_heartbeat_at)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await events.append(row.id, 'log', { message, ...(stepId ? { stepId, status: 'failed' } : {}) }, trx);
        await events.append(
          row.id,
          'completion',
          { message: 'Run completed with status: failed', error: { name: 'TaskStaleError', message } },
          trx,
        );
        return true;
      });
      notifier.notify(row.id);
      return failed;
    },
  };
}
