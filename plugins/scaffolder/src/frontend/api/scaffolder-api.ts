import { AtriumError } from '@atrium/errors';
import { defineApiRef } from '@atrium/web-kernel';
import { scaffolderErrorCodes } from '../../common/scaffolder-error-codes.js';
import type {
  ActionDescription,
  DirectoryEntry,
  DryRunResult,
  JsonObject,
  ListTasksRequest,
  SerializedTask,
  TaskEvent,
  TemplateParameterSchema,
  ValidationError,
} from './scaffolder-types.js';

/** Body of `POST /v2/tasks`. */
export interface CreateTaskRequest {
  /** An entity ref; the kind defaults to `template`. */
  templateRef: string;
  values: JsonObject;
  secrets?: Record<string, string>;
}

/** Body of `POST /v2/dry-run`. */
export interface DryRunRequest {
  template: JsonObject;
  values: JsonObject;
  secrets?: Record<string, string>;
  directoryContents: DirectoryEntry[];
}

/** Callbacks of {@link ScaffolderApi.streamEvents}. */
export interface TaskEventHandlers {
  /** Every event, once, in id order (also after a reconnect). */
  onEvent(event: TaskEvent): void;
  /** The stream broke for good (e.g. 403/404); transient drops are retried silently. */
  onError?(error: unknown): void;
  /** Which transport is in use, for the "live" indicator. */
  onTransport?(transport: 'sse' | 'poll'): void;
}

/** The scaffolder REST API (base `/api/scaffolder`) as the browser uses it. */
export interface ScaffolderApi {
  getParameterSchema(ref: {
    namespace: string;
    name: string;
    kind?: string;
  }): Promise<TemplateParameterSchema>;
  /** Starts a run; rejects with {@link TaskValidationError} on a 400 `{ errors }`. */
  createTask(request: CreateTaskRequest): Promise<{ id: string }>;
  listTasks(request?: ListTasksRequest): Promise<{ tasks: SerializedTask[]; totalTasks: number }>;
  /** `undefined` when there is no such task. */
  getTask(taskId: string): Promise<SerializedTask | undefined>;
  cancelTask(taskId: string): Promise<void>;
  retryTask(taskId: string): Promise<void>;
  /**
   * Follows a task's events: server-sent events resumed with `after=<last id>` on
   * reconnect, falling back to the `/events` long poll. Returns a function that stops.
   */
  streamEvents(taskId: string, handlers: TaskEventHandlers, options?: { after?: number }): () => void;
  listActions(): Promise<ActionDescription[]>;
  /** Runs a posted template without side effects; rejects with {@link TaskValidationError} on 400 `{ errors }`. */
  dryRun(request: DryRunRequest): Promise<DryRunResult>;
}

/** Ref of the scaffolder API (`useApi(scaffolderApiRef)`). */
export const scaffolderApiRef = defineApiRef<ScaffolderApi>({ id: 'scaffolder.client' });

/** The server refused submitted values: one JSON-Schema error per bad field. */
export class TaskValidationError extends AtriumError {
  readonly errors: ValidationError[];

  constructor(errors: ValidationError[]) {
    const first = errors[0];
    const summary = first ? `${first.property ?? first.path?.join('.') ?? 'value'} ${first.message}` : '';
    super(
      scaffolderErrorCodes.SCAFFOLDER_VALIDATION_FAILED,
      `The template's parameters were rejected: ${summary}`,
      {
        details: { count: errors.length },
      },
    );
    this.name = 'TaskValidationError';
    this.errors = errors;
  }
}
