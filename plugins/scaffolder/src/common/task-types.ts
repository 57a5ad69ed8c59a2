// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
/** A value that survives a JSON round trip. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Where a task is in its life: `open` → `processing` → `completed` | `failed` | `cancelled`. */
export type TaskStatus = 'open' | 'processing' | 'completed' | 'failed' | 'cancelled';

/** Every task status, in lifecycle order. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  'open',
  'processing',
  'completed',
  'failed',
  'cancelled',
];

/** Status of one step, carried by the `status` of its log events. */
export type StepStatus = 'processing' | 'completed' | 'failed' | 'skipped' | 'cancelled';

/** The kinds of task events (scaffolder.md §8). */
export type TaskEventType = 'log' | 'completion' | 'cancelled' | 'recovered';

/** One step as stored in a task spec (ids and names already defaulted). */
export interface TaskStepSpec {
  id: string;
  name: string;
  action: string;
  input?: JsonObject;
  if?: string | boolean;
  each?: JsonValue;
  'backstage:permissions'?: { tags?: string[] };
}

/** What the template run sees about the template it came from. */
export interface TemplateInfo {
  /** e.g. `template:default/create-service` */
  entityRef: string;
  /** URL of the template file itself (as in Backstage); relative `url` inputs resolve beside it. */
  baseUrl?: string;
  entity?: { metadata: JsonObject };
}

/** The initiator of a task, as templates see it (`${{ user.ref }}`). */
export interface TaskUser {
  ref?: string;
  entity?: JsonObject;
}

/** The task spec stored with a task (`GET /v2/tasks/:id` → `spec`). */
export interface TaskSpec {
  apiVersion: 'scaffolder.backstage.io/v1beta3';
  steps: TaskStepSpec[];
  output: JsonObject;
  parameters: JsonObject;
  user: TaskUser;
  templateInfo: TemplateInfo;
  EXPERIMENTAL_recovery?: { EXPERIMENTAL_strategy?: 'none' | 'startOver' };
}

/** A task as the REST API returns it; secrets are never included. */
export interface SerializedTask {
  id: string;
  spec: TaskSpec;
  status: TaskStatus;
  createdAt: string;
  lastHeartbeatAt?: string;
  createdBy?: string;
}

/** The body of a `log` event. */
export interface LogEventBody {
  message: string;
  stepId?: string;
  status?: StepStatus;
  [key: string]: JsonValue | undefined;
}

/** One task event, as served by `/events` and `/eventstream`. */
export interface SerializedTaskEvent {
  id: number;
  taskId: string;
  type: TaskEventType;
  body: JsonObject;
  createdAt: string;
  isTaskRecoverable: boolean;
}
