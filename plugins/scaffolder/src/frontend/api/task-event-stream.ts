import { ResponseError } from '@atrium/errors';
import { type ApiClient, parseSseBlocks } from '@atrium/http-api';
import { type SerializedTaskEvent, type scaffolderApi, taskEventSchema } from '../../common/index.js';
import type { TaskEventHandlers } from './scaffolder-api.js';

/** Options of {@link createTaskEventStream}. */
export interface TaskEventStreamOptions {
  /** The client derived from `scaffolderApi`; its stream and long-poll routes are used. */
  client: Pick<ApiClient<typeof scaffolderApi.routes>, 'streamTaskEvents' | 'listTaskEvents'>;
  taskId: string;
  handlers: TaskEventHandlers;
  /** Start after this event id (events up to it are already known). */
  after?: number;
  reconnectDelayMs?: number;
}

// After this many connections in a row that brought nothing, SSE is deemed broken
// (a proxy that buffers or cuts streams) and the long poll takes over.
const maxSseFailures = 3;
// Statuses that mean "this transport is not offered here", not "this task is gone".
const transportMissing = new Set([404, 405, 406, 501]);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

const isTransportMissing = (error: unknown) =>
  error instanceof ResponseError && transportMissing.has(error.statusCode);

/**
 * Follows a task's events over SSE (the client's `streamTaskEvents`, read through `fetch`
 * so the user's token is sent),
 * reconnecting with `after=<last id>` when the stream drops, and switching to the `/events`
 * long poll when SSE does not work. Each event is delivered once, in order.
 *
 * @example
 * const stop = createTaskEventStream({ client, taskId, handlers: { onEvent } });
 */
export function createTaskEventStream(options: TaskEventStreamOptions): () => void {
  const { client, handlers } = options;
  const params = { taskId: options.taskId };
  const controller = new AbortController();
  const signal = controller.signal;
  const baseDelay = options.reconnectDelayMs ?? 1000;
  let lastId = options.after;
  let isDone = false;

  const deliver = (event: SerializedTaskEvent) => {
    if (signal.aborted || (lastId !== undefined && event.id <= lastId)) return;
    lastId = event.id;
    if (event.type === 'completion') isDone = true;
    handlers.onEvent(event);
  };

  /** Reads one SSE connection; tells how many events came, or that SSE is not offered. */
  async function readSse(): Promise<number | 'unsupported'> {
    let response: Response;
    try {
      response = await client.streamTaskEvents(
        { params, query: { after: lastId } },
        { headers: { accept: 'text/event-stream' }, signal },
      );
    } catch (error) {
      if (isTransportMissing(error)) return 'unsupported';
      throw error;
    }
    const isStream = response.headers.get('content-type')?.includes('text/event-stream');
    if (!response.body || !isStream) return 'unsupported';
    handlers.onTransport?.('sse');
    let count = 0;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseSseBlocks(buffer + value);
      buffer = parsed.rest;
      for (const message of parsed.messages) {
        // The stream's events are held to the same contract as the long poll's.
        deliver(taskEventSchema.parse(JSON.parse(message.data)));
        count += 1;
      }
      if (isDone) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    return count;
  }

  async function pollOnce(): Promise<void> {
    const events = await client.listTaskEvents({ params, query: { after: lastId } }, { signal });
    handlers.onTransport?.('poll');
    for (const event of events) deliver(event);
  }

  const isFatal = (error: unknown) =>
    error instanceof ResponseError && error.statusCode >= 400 && error.statusCode < 500;

  async function run(): Promise<void> {
    let mode: 'sse' | 'poll' = 'sse';
    let failures = 0;
    while (!isDone && !signal.aborted) {
      try {
        if (mode === 'poll') {
          await pollOnce();
          failures = 0;
          continue;
        }
        const outcome = await readSse();
        if (outcome === 'unsupported') mode = 'poll';
        else failures = outcome > 0 ? 0 : failures + 1;
        if (failures >= maxSseFailures) mode = 'poll';
      } catch (error) {
        if (signal.aborted) return;
        if (isFatal(error)) throw error;
        failures += 1;
        if (mode === 'sse' && failures >= maxSseFailures) mode = 'poll';
      }
      if (!isDone && failures > 0) await sleep(baseDelay * Math.min(failures, 10), signal);
    }
  }

  run().catch((error: unknown) => {
    if (!signal.aborted) handlers.onError?.(error);
  });
  return () => controller.abort();
}
