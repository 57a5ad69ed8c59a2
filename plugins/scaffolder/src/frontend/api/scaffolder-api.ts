import { AtriumError } from '@atrium/errors';
import type { ApiClient } from '@atrium/http-api';
import { defineApiRef } from '@atrium/web-kernel';
import {
  type SerializedTaskEvent,
  type scaffolderApi,
  scaffolderErrorCodes,
  type ValidationErrorItem,
} from '../../common/index.js';

/** Callbacks of {@link ScaffolderApi.streamEvents}. */
export interface TaskEventHandlers {
  /** Every event, once, in id order (also after a reconnect). */
  onEvent(event: SerializedTaskEvent): void;
  /** The stream broke for good (e.g. 403/404); transient drops are retried silently. */
  onError?(error: unknown): void;
  /** Which transport is in use, for the "live" indicator. */
  onTransport?(transport: 'sse' | 'poll'): void;
}

/**
 * The scaffolder REST API (base `/api/scaffolder`) as the browser uses it: the client
 * derived from `scaffolderApi`, one method per route, where a 400 `{ errors }` answer
 * rejects with {@link TaskValidationError}; plus `streamEvents`, which follows a task.
 */
export type ScaffolderApi = ApiClient<typeof scaffolderApi.routes> & {
  /**
   * Follows a task's events: server-sent events resumed with `after=<last id>` on
   * reconnect, falling back to the `/events` long poll. Returns a function that stops.
   */
  streamEvents(taskId: string, handlers: TaskEventHandlers, options?: { after?: number }): () => void;
};

/** Ref of the scaffolder API (`useApi(scaffolderApiRef)`). */
export const scaffolderApiRef = defineApiRef<ScaffolderApi>({ id: 'scaffolder.client' });

/** One problem of a 400 `{ errors }` answer as received: only the message is sure to be there. */
export type ReceivedValidationError = Partial<ValidationErrorItem> & { message: string };

/** The server refused submitted values: one JSON-Schema error per bad field. */
export class TaskValidationError extends AtriumError {
  readonly errors: ReceivedValidationError[];

  constructor(errors: ReceivedValidationError[]) {
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
