import { createApiClient } from '@atrium/http-api';
import { describe, expect, it, vi } from 'vitest';
import { type SerializedTaskEvent, scaffolderApi } from '../../common/index.js';
import { createTaskEventStream } from './task-event-stream.js';

// The events pass through the client derived from the API definition, so they must fit it.
const clientOver = (fetch: (url: string, init?: RequestInit) => Promise<Response>) =>
  createApiClient(scaffolderApi, { baseUrl: 'http://x/api/scaffolder', fetch });

const event = (id: number, type: SerializedTaskEvent['type'] = 'log'): SerializedTaskEvent => ({
  id,
  taskId: 't1',
  type,
  body:
    type === 'completion'
      ? { message: 'Run completed with status: completed', output: {} }
      : { message: `line ${id}` },
  createdAt: '2026-01-01T00:00:00Z',
  isTaskRecoverable: false,
});

const frame = (e: SerializedTaskEvent) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

function sseResponse(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function collect() {
  const events: SerializedTaskEvent[] = [];
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  return {
    events,
    done,
    onEvent(e: SerializedTaskEvent) {
      events.push(e);
      if (e.type === 'completion') resolveDone();
    },
  };
}

describe('createTaskEventStream', () => {
  it('resumes with after=<last id> when the stream drops, delivering each event once', async () => {
    const urls: string[] = [];
    const responses = [
      // A frame split across chunks, then the connection drops before completion.
      sseResponse([frame(event(1)), frame(event(2)).slice(0, 20), frame(event(2)).slice(20)]),
      // The server may resend an event the client already has; it must not show twice.
      sseResponse([frame(event(2)), frame(event(3)), frame(event(4, 'completion'))]),
    ];
    const fetchApi = {
      fetch: vi.fn(async (url: string | URL | Request) => {
        urls.push(String(url));
        return responses.shift()!;
      }),
    };
    const sink = collect();
    const transports: string[] = [];
    createTaskEventStream({
      client: clientOver(fetchApi.fetch),
      taskId: 't1',
      handlers: { onEvent: sink.onEvent, onTransport: (t) => transports.push(t) },
      reconnectDelayMs: 1,
    });
    await sink.done;
    expect(sink.events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(urls).toEqual([
      'http://x/api/scaffolder/v2/tasks/t1/eventstream',
      'http://x/api/scaffolder/v2/tasks/t1/eventstream?after=2',
    ]);
    expect(transports).toEqual(['sse', 'sse']);
  });

  it('falls back to the /events long poll when the stream is not offered', async () => {
    const urls: string[] = [];
    const replies: Response[] = [
      new Response('{"error":{"name":"NotFoundError","message":"no route"}}', { status: 404 }),
      Response.json([event(1), event(2)]),
      Response.json([]),
      Response.json([event(3, 'completion')]),
    ];
    const fetchApi = {
      fetch: vi.fn(async (url: string | URL | Request) => {
        urls.push(String(url));
        return replies.shift()!;
      }),
    };
    const sink = collect();
    createTaskEventStream({
      client: clientOver(fetchApi.fetch),
      taskId: 't1',
      handlers: { onEvent: sink.onEvent },
      after: 0,
    });
    await sink.done;
    expect(sink.events.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(urls).toEqual([
      'http://x/api/scaffolder/v2/tasks/t1/eventstream?after=0',
      'http://x/api/scaffolder/v2/tasks/t1/events?after=0',
      'http://x/api/scaffolder/v2/tasks/t1/events?after=2',
      'http://x/api/scaffolder/v2/tasks/t1/events?after=2',
    ]);
  });

  it('switches to polling after repeated empty stream connections and reports fatal errors', async () => {
    const replies: Response[] = [
      sseResponse([]),
      sseResponse([]),
      sseResponse([]),
      Response.json({}, { status: 403 }),
    ];
    const fetchApi = { fetch: vi.fn(async (_url: string | URL | Request) => replies.shift()!) };
    const onError = vi.fn();
    createTaskEventStream({
      client: clientOver(fetchApi.fetch),
      taskId: 't1',
      handlers: { onEvent: vi.fn(), onError },
      reconnectDelayMs: 1,
    });
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    expect(fetchApi.fetch.mock.calls.map((call) => String(call[0]))).toEqual([
      'http://x/api/scaffolder/v2/tasks/t1/eventstream',
      'http://x/api/scaffolder/v2/tasks/t1/eventstream',
      'http://x/api/scaffolder/v2/tasks/t1/eventstream',
      'http://x/api/scaffolder/v2/tasks/t1/events',
    ]);
    expect(onError.mock.calls[0]![0].statusCode).toBe(403);
  });

  it('stops following when unsubscribed', async () => {
    const fetchApi = {
      fetch: vi.fn(
        async (_url: string | URL | Request, init?: RequestInit) =>
          new Promise<Response>((_, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      ),
    };
    const onError = vi.fn();
    const stop = createTaskEventStream({
      client: clientOver(fetchApi.fetch),
      taskId: 't1',
      handlers: { onEvent: vi.fn(), onError },
    });
    await vi.waitFor(() => expect(fetchApi.fetch).toHaveBeenCalledTimes(1));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });
});
