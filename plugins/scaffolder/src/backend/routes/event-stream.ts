import type { ServerResponse } from 'node:http';
import { InputError } from '@atrium/errors';
import { getRequestCredentials, type HttpRouterService } from '@atrium/kernel';
import { z } from 'zod';
import type { SerializedTaskEvent } from '../../common/index.js';
import type { ScaffolderContext } from './scaffolder-context.js';

const FINISHED = ['completed', 'failed', 'cancelled'];
const query = z.object({ after: z.coerce.number().int().min(0).optional() });

/** One event in SSE framing (scaffolder.md §8): `event:` and `data:` lines, no `id:`. */
export function formatServerSentEvent(event: SerializedTaskEvent): string {
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
 * Registers `GET /v2/tasks/:taskId/eventstream`: everything after `after`, then new
 * events as they come (woken at once by this backend's writes, polling for other
 * backends'), closing after the `completion` event.
 */
export function registerEventStream(http: HttpRouterService, ctx: ScaffolderContext): void {
  // biome-ignore lint/correctness/useHookAtTopLevel: the kernel's router method, not a React hook
  http.useFastify((app) => {
    app.get<{ Params: { taskId: string }; Querystring: Record<string, string> }>(
      '/v2/tasks/:taskId/eventstream',
      async (request, reply) => {
        const { taskId } = request.params;
        if (taskId.includes('\u0000') || taskId.length > 100)
          throw new InputError('taskId must be a task id: at most 100 characters, no NUL character');
        const what = `reading the events of task '${taskId}'`;
        await ctx.taskAccess.readableTask(getRequestCredentials(request), taskId, what);
        const parsed = query.safeParse(request.query);
        if (!parsed.success) throw new InputError('query parameter after must be a non-negative event id');
        reply.hijack();
        reply.raw.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-cache',
          Connection: 'keep-alive',
        });
        reply.raw.flushHeaders();
        try {
          await pump(ctx, taskId, parsed.data.after, reply.raw);
        } catch (error) {
          ctx.logger.warn(`event stream of task '${taskId}' failed`, error as Error);
        } finally {
          reply.raw.end();
        }
      },
    );
  });
}
