import { parseSseBlocks } from '@atrium/http-api';
import type { SerializedTaskEvent } from '../../common/index.js';

/** A task's event stream read to its end: headers, the raw text and the parsed events. */
export interface ReadStream {
  status: number;
  headers: Headers;
  raw: string;
  events: Array<{ event: string; data: SerializedTaskEvent }>;
}

/** The events of a whole SSE text, their data parsed as task events. */
function parseServerSentEvents(raw: string): ReadStream['events'] {
  return parseSseBlocks(raw).messages.map(({ event, data }) => ({
    event,
    data: JSON.parse(data) as SerializedTaskEvent,
  }));
}

/** Reads `GET /v2/tasks/:id/eventstream` until the server closes it (or `timeoutMs`). */
export async function readEventStream(
  baseUrl: string,
  token: string,
  taskId: string,
  options: { after?: number; timeoutMs?: number; onFirstEvent?: () => void } = {},
): Promise<ReadStream> {
  const query = options.after === undefined ? '' : `?after=${options.after}`;
  const response = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${taskId}/eventstream${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
  });
  let raw = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body ?? []) {
    raw += decoder.decode(chunk, { stream: true });
    if (options.onFirstEvent && raw.includes('\n\n')) {
      options.onFirstEvent();
      options.onFirstEvent = undefined;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    raw,
    events: response.ok ? parseServerSentEvents(raw) : [],
  };
}
