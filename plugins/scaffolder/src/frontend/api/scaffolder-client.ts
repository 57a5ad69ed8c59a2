import { createApiClient } from '@atrium/http-api';
import type { DiscoveryApi, FetchApi } from '@atrium/web-kernel';
import { scaffolderApi } from '../../common/index.js';
import { type ReceivedValidationError, type ScaffolderApi, TaskValidationError } from './scaffolder-api.js';
import { createTaskEventStream } from './task-event-stream.js';

/** Options of {@link createScaffolderClient}. */
export interface ScaffolderClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Pause before reconnecting a dropped event stream; shortened in tests. */
  reconnectDelayMs?: number;
}

const isReceived = (item: unknown): item is ReceivedValidationError =>
  typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string';

/**
 * The app's fetch, turning a 400 `{ errors }` answer (Backstage's ValidationError items:
 * values, secrets or a dry-run template refused) into a TaskValidationError before the
 * client reads it as a plain error answer.
 */
function fetchWithValidationErrors(fetchApi: FetchApi) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetchApi.fetch(url, init);
    if (response.status !== 400) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { errors?: unknown } | undefined;
    if (Array.isArray(body?.errors)) throw new TaskValidationError(body.errors.filter(isReceived));
    return response;
  };
}

/**
 * Creates the scaffolder client from its API definition, over the app's fetch (which adds
 * the user's token).
 *
 * @example
 * const scaffolder = createScaffolderClient({ discoveryApi, fetchApi });
 * const { id } = await scaffolder.createTask({ body: { templateRef: 'template:default/node-service', values } });
 */
export function createScaffolderClient(options: ScaffolderClientOptions): ScaffolderApi {
  const client = createApiClient(scaffolderApi, {
    baseUrl: () => options.discoveryApi.getBaseUrl('scaffolder'),
    fetch: fetchWithValidationErrors(options.fetchApi),
  });
  return {
    ...client,
    streamEvents: (taskId, handlers, stream) =>
      createTaskEventStream({
        client,
        taskId,
        handlers,
        after: stream?.after,
        reconnectDelayMs: options.reconnectDelayMs,
      }),
  };
}
