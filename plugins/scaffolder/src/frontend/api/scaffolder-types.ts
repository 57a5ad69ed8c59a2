// Wire types of the scaffolder REST API (scaffolder.md §8), kept in the frontend so the
// browser bundle never depends on the backend's schemas.

/** A value that survives a JSON round trip. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Where a task is in its life: `open` → `processing` → `completed` | `failed` | `cancelled`. */
export type TaskStatus = 'open' | 'processing' | 'completed' | 'failed' | 'cancelled';

/** Status of one step, carried by the `status` of its log events. */
export type StepStatus = 'processing' | 'completed' | 'failed' | 'skipped' | 'cancelled';

/** One step of a stored task spec. */
export interface TaskSpecStep {
  id: string;
  name: string;
  action: string;
}

/** A link of a template's output: a URL or an entity ref. */
export interface OutputLink {
  title?: string;
  icon?: string;
  url?: string;
  entityRef?: string;
}

/** A markdown text of a template's output. */
export interface OutputText {
  title?: string;
  icon?: string;
  content?: string;
}

/** The rendered output of a run, from the `completion` event. */
export interface TaskOutput {
  links?: OutputLink[];
  text?: OutputText[];
  [key: string]: unknown;
}

/** A task as `GET /v2/tasks/:id` returns it (secrets are never returned). */
export interface SerializedTask {
  id: string;
  status: TaskStatus;
  createdAt: string;
  lastHeartbeatAt?: string;
  createdBy?: string;
  spec: {
    steps?: TaskSpecStep[];
    parameters?: JsonObject;
    output?: JsonObject;
    templateInfo?: { entityRef?: string; entity?: { metadata?: { title?: string; name?: string } } };
    user?: { ref?: string };
  };
}

/** Types of task events. */
export type TaskEventType = 'log' | 'completion' | 'cancelled' | 'recovered';

/** One event of a task, from the event stream or the long poll. */
export interface TaskEvent {
  id: number;
  taskId: string;
  type: TaskEventType;
  body: {
    message?: string;
    stepId?: string;
    status?: StepStatus | TaskStatus;
    output?: TaskOutput;
    error?: { name?: string; message?: string };
    [key: string]: unknown;
  };
  createdAt: string;
  isTaskRecoverable?: boolean;
}

/** One form page of a template, as the parameter-schema endpoint returns it. */
export interface TemplateFormStep {
  title: string;
  description?: string;
  /** Expression or boolean; the page is shown only when it is truthy. */
  when?: string | boolean;
  schema: JsonObject;
}

/** Response of `GET /v2/templates/:namespace/:kind/:name/parameter-schema`. */
export interface TemplateParameterSchema {
  title: string;
  description?: string;
  'ui:options'?: JsonObject;
  presentation?: {
    buttonLabels?: { backButtonText?: string; createButtonText?: string; reviewButtonText?: string };
  };
  steps: TemplateFormStep[];
}

/** One JSON-Schema validation error of a 400 `{ errors }` answer. */
export interface ValidationError {
  path?: (string | number)[];
  property?: string;
  message: string;
  name?: string;
  argument?: unknown;
  stack?: string;
}

/** A file sent to or received from a dry run. */
export interface DirectoryEntry {
  path: string;
  base64Content: string;
  executable?: boolean;
}

/** Response of `POST /v2/dry-run`. */
export interface DryRunResult {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: DirectoryEntry[];
  output: TaskOutput;
  steps: TaskSpecStep[];
}

/** An action as `GET /v2/actions` lists it. */
export interface ActionDescription {
  id: string;
  description?: string;
  examples?: { description: string; example: string }[];
  schema: { input?: JsonObject; output?: JsonObject };
}

/** Query of `GET /v2/tasks`. */
export interface ListTasksRequest {
  createdBy?: string;
  status?: TaskStatus;
  limit?: number;
  offset?: number;
}
