import { ResponseError } from '@atrium/errors';
import type { DiscoveryApi, FetchApi } from '@atrium/web-kernel';
import { type CreateTaskRequest, type ScaffolderApi, TaskValidationError } from './scaffolder-api.js';
import type { SerializedTask, ValidationError } from './scaffolder-types.js';
import { createTaskEventStream } from './task-event-stream.js';

/** Options of {@link createScaffolderClient}. */
export interface ScaffolderClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Pause before reconnecting a dropped event stream; shortened in tests. */
  reconnectDelayMs?: number;
}

const jsonHeaders = { 'Content-Type': 'application/json' };

async function validationErrors(response: Response): Promise<ValidationError[] | undefined> {
  if (response.status !== 400) return undefined;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { errors?: unknown } | undefined;
  if (!Array.isArray(body?.errors)) return undefined;
  return body.errors.filter(
    (e): e is ValidationError => typeof e === 'object' && e !== null && typeof e.message === 'string',
  );
}

/**
 * Creates the scaffolder client over the app's fetch (which adds the user's token).
 *
 * @example
 * const scaffolder = createScaffolderClient({ discoveryApi, fetchApi });
 * const { id } = await scaffolder.createTask({ templateRef: 'template:default/node-service', values });
 */
export function createScaffolderClient(options: ScaffolderClientOptions): ScaffolderApi {
  const { discoveryApi, fetchApi } = options;
  const url = async (path: string) => `${await discoveryApi.getBaseUrl('scaffolder')}${path}`;

  async function request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await fetchApi.fetch(await url(path), init);
    if (!response.ok) {
      const errors = await validationErrors(response);
      if (errors) throw new TaskValidationError(errors);
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const post = <T>(path: string, body: unknown) =>
    request<T>(path, { method: 'POST', headers: jsonHeaders, body: JSON.stringify(body) });
  const task = (taskId: string) => `/v2/tasks/${encodeURIComponent(taskId)}`;

  return {
    getParameterSchema: ({ namespace, name, kind = 'template' }) =>
      request(`/v2/templates/${[namespace, kind, name].map(encodeURIComponent).join('/')}/parameter-schema`),
    createTask: (body: CreateTaskRequest) => post('/v2/tasks', body),
    listTasks(query = {}) {
      const params = new URLSearchParams({ order: 'desc:created_at' });
      if (query.createdBy) params.append('createdBy', query.createdBy);
      if (query.status) params.append('status', query.status);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.offset !== undefined) params.set('offset', String(query.offset));
      return request(`/v2/tasks?${params}`);
    },
    async getTask(taskId) {
      try {
        return await request<SerializedTask>(task(taskId));
      } catch (error) {
        // A missing task is an answer the page shows, not a failure.
        if (error instanceof ResponseError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    async cancelTask(taskId) {
      await post(`${task(taskId)}/cancel`, {});
    },
    async retryTask(taskId) {
      await post(`${task(taskId)}/retry`, {});
    },
    streamEvents: (taskId, handlers, streamOptions) =>
      createTaskEventStream({
        fetchApi,
        baseUrl: () => url(task(taskId)),
        handlers,
        after: streamOptions?.after,
        reconnectDelayMs: options.reconnectDelayMs,
      }),
    listActions: () => request('/v2/actions'),
    dryRun: (body) => post('/v2/dry-run', body),
  };
}
