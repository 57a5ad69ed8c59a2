import type { DatabaseService } from '@atrium/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { JsonObject, SerializedTaskEvent, TaskEventType } from '../../common/index.js';
import type { EventNotifier } from './event-notifier.js';
import type { ScaffolderTables, TaskEventRow } from './tables.js';

type Db = Kysely<ScaffolderTables> | Transaction<ScaffolderTables>;

/** The task events table. */
export interface TaskEventStore {
  /**
   * Appends an event; on PostgreSQL inside `trx` (or its own transaction) that holds the task
   * row lock. Wakes local readers only without `trx`: the caller wakes them after its commit.
   */
  append(
    taskId: string,
    type: TaskEventType,
    body: JsonObject,
    trx?: Transaction<ScaffolderTables>,
  ): Promise<number>;
  /** Events of a task with an id greater than `after`, oldest first. */
  list(taskId: string, after?: number): Promise<SerializedTaskEvent[]>;
  /** Waits up to `timeoutMs` for events after `after`; answers `[]` when none came. */
  waitForEvents(
    taskId: string,
    after: number | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<SerializedTaskEvent[]>;
  /** Removes events of the given types (retry drops the previous completion). */
  removeTypes(trx: Transaction<ScaffolderTables>, taskId: string, types: TaskEventType[]): Promise<void>;
}

function toEvent(row: Omit<TaskEventRow, 'id'> & { id: number }): SerializedTaskEvent {
  return {
    id: Number(row.id),
    taskId: row.task_id,
    type: row.event_type as TaskEventType,
    body: JSON.parse(row.body) as JsonObject,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    isTaskRecoverable: false,
  };
}

/**
 * Creates the event store. On PostgreSQL an insert first locks its task's row, so a
 * task's events commit in id order and a reader polling `id > after` never skips one
 * that committed late; SQLite has a single writer and needs no lock.
 */
export function createTaskEventStore(
  database: DatabaseService,
  db: Kysely<ScaffolderTables>,
  notifier: EventNotifier,
  pollIntervalMs: number,
): TaskEventStore {
  const { client } = database;
  async function insert(trx: Db, taskId: string, type: TaskEventType, body: JsonObject) {
    if (client === 'postgres') {
      await trx.selectFrom('scaffolder_tasks').select('id').where('id', '=', taskId).forUpdate().execute();
    }
    const row = await trx
      .insertInto('scaffolder_task_events')
      .values({ task_id: taskId, event_type: type, body: JSON.stringify(body), created_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  const store: TaskEventStore = {
    async append(taskId, type, body, trx) {
      // Inside a caller's transaction the row is visible only after its commit, and the
      // body may run again on a conflict: the caller wakes the readers once it committed.
      if (trx) return insert(trx, taskId, type, body);
      const id =
        client === 'sqlite'
          ? await insert(db, taskId, type, body)
          : await database.transaction<ScaffolderTables, number>((t) => insert(t, taskId, type, body));
      notifier.notify(taskId);
      return id;
    },
    async list(taskId, after) {
      let query = db.selectFrom('scaffolder_task_events').selectAll().where('task_id', '=', taskId);
      if (after !== undefined) query = query.where('id', '>', after);
      return (await query.orderBy('id', 'asc').execute()).map(toEvent);
    },
    async waitForEvents(taskId, after, timeoutMs, signal) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const events = await store.list(taskId, after);
        const left = deadline - Date.now();
        if (events.length > 0 || left <= 0 || signal?.aborted) return events;
        await notifier.wait(taskId, Math.min(left, pollIntervalMs), signal);
      }
    },
    async removeTypes(trx, taskId, types) {
      await trx
        .deleteFrom('scaffolder_task_events')
        .where('task_id', '=', taskId)
        .where('event_type', 'in', types)
        .execute();
    },
  };
  return store;
}
