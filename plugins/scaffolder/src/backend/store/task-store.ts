import { ConflictError } from '@atrium/errors';
import type { DatabaseService } from '@atrium/kernel';
import type { Kysely } from 'kysely';
import type { JsonObject, TaskStatus } from '../../common/index.js';
import { type TaskFilter, taskFilterSql } from '../permissions/task-filter.js';
import type { EventNotifier } from './event-notifier.js';
import type { TaskEventStore } from './event-store.js';
import type { ScaffolderTables, TaskRow } from './tables.js';

/** A task a worker has claimed: the row as it was, with its (still encrypted) secrets. */
export interface ClaimedTask {
  row: TaskRow;
  attempt: number;
}

/** Filters and paging of `GET /v2/tasks`. */
export interface TaskListQuery {
  createdBy?: string[];
  status?: string[];
  order?: { field: 'created_at' | 'status' | 'created_by'; direction: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
  /** Only the tasks the caller may read. */
  filter?: TaskFilter;
}

/** The lease of a running task, as its worker holds it. */
export interface TaskLease {
  taskId: string;
  workerId: string;
  attempt: number;
}

/** The tasks table: creation, claiming with a lease, heartbeats and completion. */
export interface TaskStore {
  create(
    row: Pick<TaskRow, 'id' | 'spec' | 'created_by' | 'initiator' | 'secrets' | 'template_ref'>,
  ): Promise<void>;
  get(taskId: string): Promise<TaskRow | undefined>;
  list(query: TaskListQuery): Promise<{ rows: TaskRow[]; total: number }>;
  /** The distinct template refs of the tasks a list query selects (paging ignored). */
  templateRefs(query: TaskListQuery): Promise<string[]>;
  /** Open tasks waiting for a worker. */
  countOpen(): Promise<number>;
  /** Claims the oldest open task with a conditional update; `undefined` when none is left. */
  claim(workerId: string): Promise<ClaimedTask | undefined>;
  /** Refreshes the heartbeat; `alive: false` when the lease was lost (failed by the janitor, retried). */
  heartbeat(lease: TaskLease): Promise<{ alive: boolean; cancelRequested: boolean }>;
  /** Ends a run and appends its `completion` event; false when the lease was lost meanwhile. */
  complete(lease: TaskLease, status: TaskStatus, body: JsonObject): Promise<boolean>;
  saveState(lease: TaskLease, state: JsonObject): Promise<void>;
}

/** Creates the task store over the plugin's database (`db` is its write connection). */
export function createTaskStore(
  database: DatabaseService,
  db: Kysely<ScaffolderTables>,
  events: TaskEventStore,
  notifier: EventNotifier,
): TaskStore {
  const owned = (lease: TaskLease) =>
    db
      .updateTable('scaffolder_tasks')
      .where('id', '=', lease.taskId)
      .where('status', '=', 'processing')
      .where('worker_id', '=', lease.workerId)
      .where('attempt', '=', lease.attempt);

  const selected = (query: TaskListQuery) => {
    let base = db.selectFrom('scaffolder_tasks');
    if (query.createdBy?.length) base = base.where('created_by', 'in', query.createdBy);
    if (query.status?.length) base = base.where('status', 'in', query.status);
    const { filter } = query;
    if (filter) base = base.where((eb) => taskFilterSql(eb, filter));
    return base;
  };

  return {
    async create(row) {
      await db
        .insertInto('scaffolder_tasks')
        .values({ ...row, status: 'open', created_at: Date.now(), attempt: 0 })
        .execute();
      notifier.notify('tasks');
    },
    get: (taskId) =>
      db.selectFrom('scaffolder_tasks').selectAll().where('id', '=', taskId).executeTakeFirst(),
    async list(query) {
      const base = selected(query);
      const { total } = await base
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      const order = query.order ?? { field: 'created_at', direction: 'desc' };
      const rows = await base
        .selectAll()
        .orderBy(order.field, order.direction)
        .orderBy('id', order.direction)
        .limit(query.limit ?? 1000)
        .offset(query.offset ?? 0)
        .execute();
      return { rows, total: Number(total) };
    },
    async templateRefs(query) {
      const rows = await selected(query)
        .select('template_ref')
        .distinct()
        .where('template_ref', 'is not', null)
        .execute();
      return rows.map((row) => row.template_ref as string);
    },
    async countOpen() {
      const { total } = await db
        .selectFrom('scaffolder_tasks')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return Number(total);
    },
    async claim(workerId) {
      const candidates = await db
        .selectFrom('scaffolder_tasks')
        .selectAll()
        .where('status', '=', 'open')
        .orderBy('created_at', 'asc')
        .limit(5)
        .execute();
      for (const row of candidates) {
        // Open → processing only if still open: of two workers racing, one updates one row.
        const result = await db
          .updateTable('scaffolder_tasks')
          .set({ status: 'processing', worker_id: workerId, last_heartbeat_at: Date.now(), secrets: null })
          .where('id', '=', row.id)
          .where('status', '=', 'open')
          .where('attempt', '=', row.attempt)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return { row, attempt: row.attempt };
      }
      return undefined;
    },
    async heartbeat(lease) {
      const row = await owned(lease)
        .set({ last_heartbeat_at: Date.now() })
        .returning(['cancel_requested_at'])
        .executeTakeFirst();
      return { alive: row !== undefined, cancelRequested: row?.cancel_requested_at != null };
    },
    async complete(lease, status, body) {
      const done = await database.transaction<ScaffolderTables, boolean>(async (trx) => {
        const result = await trx
          .updateTable('scaffolder_tasks')
          .set({ status, secrets: null, last_heartbeat_at: Date.now() })
          .where('id', '=', lease.taskId)
          .where('status', '=', 'processing')
          .where('worker_id', '=', lease.workerId)
          .where('attempt', '=', lease.attempt)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await events.append(lease.taskId, 'completion', body, trx);
        return true;
      });
      notifier.notify(lease.taskId);
      return done;
    },
    async saveState(lease, state) {
      await owned(lease)
        .set({ state: JSON.stringify(state) })
        .execute();
    },
  };
}

/** Throws the 409 for acting on a task in a status that does not allow it. */
export function conflict(taskId: string, status: string, what: string): never {
  throw new ConflictError(`task '${taskId}' is ${status}; ${what}`);
}
