import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { QueueState } from './create-queue-state.js';

/**
 * Stops a started queue: no more claims or heartbeats, unstarted items handed back to the
 * source, running ones aborted and waited for (at most `graceMs`).
 *
 * @example
 * await stopWorkQueue(state, 10_000);
 */
export async function stopWorkQueue<T>(state: QueueState<T>, graceMs: number): Promise<void> {
  const { definition, deps, held, source } = state;
  state.stopped = true;
  clearInterval(state.heartbeat);
  state.unsubscribe?.();
  state.waker.notify();
  await state.loopDone;
  const unstarted = state.waiting.splice(0);
  for (const item of unstarted) held.delete(item.id);
  if (unstarted.length > 0 && source.release) {
    await source
      .release(unstarted, deps.owner)
      .catch((error: unknown) =>
        deps.logger.warn(`queue '${definition.name}' could not hand back claimed items`, error as Error),
      );
  }
  const shutdown = new AtriumError(
    kernelErrorCodes.WORK_QUEUE_STOPPED,
    `queue '${definition.name}' stopped: the backend is shutting down`,
  );
  for (const entry of held.values()) entry.controller?.abort(shutdown);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...state.runs]),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    }),
  ]);
  clearTimeout(timer);
}
