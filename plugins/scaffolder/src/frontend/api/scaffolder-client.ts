import { createApiClient, ResponseError } from '@atrium/http-api';
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

/** A 400 `{ errors }` (Backstage's ValidationError items) becomes a TaskValidationError. */
function asValidationError(error: unknown): unknown {
  if (!(error instanceof ResponseError) || error.statusCode !== 400) return error;
  const items = (error.body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(items) ? new TaskValidationError(items.filter(isReceived)) : error;
}

function rethrowingValidation<TArgs extends unknown[], TResult>(call: (...args: TArgs) => Promise<TResult>) {
  return (...args: TArgs) =>
    call(...args).catch((error: unknown) => {
      throw asValidationError(error);
    });
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
    fetch: (url, init) => options.fetchApi.fetch(url, init),
  });
  return {
    ...client,
    createTask: rethrowingValidation(client.createTask),
    retryTask: rethrowingValidation(client.retryTask),
    dryRun: rethrowingValidation(client.dryRun),
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
