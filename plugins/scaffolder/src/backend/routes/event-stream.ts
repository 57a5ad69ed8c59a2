import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '@atrium/kernel';
import type { SerializedTaskEvent, scaffolderApi } from '../../common/index.js';
import type { ScaffolderContext } from './scaffolder-context.js';

const FINISHED = ['completed', 'failed', 'cancelled'];
type Routes = typeof scaffolderApi.routes;

/** One event in SSE framing (scaffolder.md §8): `event:` and `data:` lines, no `id:`. */
function formatServerSentEvent(event: SerializedTaskEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

async function pump(
  ctx: ScaffolderContext,
  taskId: string,
  from: number | undefined,
  response: ServerResponse,
) {
  const closed = new AbortController();
  response.once('close', () => closed.abort());
  let after = from;
  while (!closed.signal.aborted) {
    const events = await ctx.events.waitForEvents(taskId, after, ctx.eventPollIntervalMs, closed.signal);
    for (const event of events) {
      response.write(formatServerSentEvent(event));
      after = event.id;
    }
    if (events.some((e) => e.type === 'completion')) return;
    const status = (await ctx.store.get(taskId))?.status ?? 'completed';
    // Resumed after the completion event (or the task is gone): nothing more will come.
    if (
      events.length === 0 &&
      FINISHED.includes(status) &&
      (await ctx.events.list(taskId, after)).length === 0
    )
      return;
  }
}

/**
 * Handles `GET /v2/tasks/:taskId/eventstream` (declared in `scaffolderApi` as a streaming
 * route): everything after `after`, then new events as they come (woken at once by this
 * backend's writes, polling for other backends'), closing after the `completion` event.
 */
export function createEventStreamHandler(ctx: ScaffolderContext): RouteHandler<Routes['streamTaskEvents']> {
  return async ({ params, query, credentials, reply }) => {
    const { taskId } = params;
    await ctx.taskAccess.readableTask(credentials, taskId, `reading the events of task '${taskId}'`);
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    reply.raw.flushHeaders();
    try {
      await pump(ctx, taskId, query.after, reply.raw);
    } catch (error) {
      ctx.logger.warn(`event stream of task '${taskId}' failed`, error as Error);
    } finally {
      reply.raw.end();
    }
    return undefined;
  };
}
