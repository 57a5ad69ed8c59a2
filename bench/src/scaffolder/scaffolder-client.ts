import { parseSseBlocks } from '@atrium/http-api';

/** One task event as streamed. */
export interface StreamedEvent {
  type: string;
  body: { message?: string; stepId?: string; status?: string; error?: { message: string } };
  createdAt: string;
  receivedAt: number;
}

/** A minimal scaffolder client for the benchmark (the REST API as any client sees it). */
export function createScaffolderClient(baseUrl: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    async createTask(templateRef: string, values: Record<string, unknown>): Promise<string> {
      const response = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ templateRef, values }),
      });
      if (response.status !== 201)
        throw new Error(`task not created: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    /** Reads the task's event stream; `onEvent` may answer true to stop reading early. */
    async stream(
      taskId: string,
      onEvent?: (event: StreamedEvent) => boolean | undefined,
    ): Promise<StreamedEvent[]> {
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${taskId}/eventstream`, {
        headers: { authorization: headers.authorization },
        signal: controller.signal,
      });
      const events: StreamedEvent[] = [];
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body ?? []) {
          const parsed = parseSseBlocks(buffer + decoder.decode(chunk, { stream: true }));
          buffer = parsed.rest;
          for (const message of parsed.messages) {
            const event = { ...(JSON.parse(message.data) as StreamedEvent), receivedAt: performance.now() };
            events.push(event);
            if (onEvent?.(event)) {
              controller.abort();
              return events;
            }
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      }
      return events;
    },
  };
}
