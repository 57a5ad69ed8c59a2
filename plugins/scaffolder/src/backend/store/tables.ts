import type { Generated } from 'kysely';

/** A task row. Times are epoch milliseconds; JSON is stored as text. */
export interface TaskRow {
  id: string;
  spec: string;
  status: string;
  created_at: number;
  created_by: string | null;
  /** JSON of the initiating principal, used to act on the user's behalf while running. */
  initiator: string | null;
  last_heartbeat_at: number | null;
  /** Id of the backend instance running the task. */
  worker_id: string | null;
  /** Bumped by retry, so a late heartbeat or completion of an earlier run changes nothing. */
  attempt: number;
  /** Encrypted secrets (AES-256-GCM); null once the task is claimed or finished. */
  secrets: string | null;
  cancel_requested_at: number | null;
  /** JSON `{ checkpoints }` kept across retries. */
  state: string | null;
  /** The (canonical) ref of the template the task was created from. */
  template_ref: string | null;
}

/** A task event row; ids grow monotonically per store. */
export interface TaskEventRow {
  id: Generated<number>;
  task_id: string;
  event_type: string;
  body: string;
  created_at: number;
}

/** Plugin-wide settings, e.g. the generated secrets key. */
interface SettingRow {
  id: string;
  value: string;
}

/** The scaffolder's tables. */
export interface ScaffolderTables {
  scaffolder_tasks: TaskRow;
  scaffolder_task_events: TaskEventRow;
  scaffolder_settings: SettingRow;
}
