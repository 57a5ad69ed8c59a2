import type { Held, QueueState } from './create-queue-state.js';
import type { WorkItem, WorkOutcome } from './work-queue-service.js';

/**
 * Starts waiting items while there is room: one item per run, or everything waiting as one
 * batch with `handleBatch`. A run that ends pumps again and wakes the claim loop.
 *
 * @example
 * state.waiting.push(item);
 * pump(state);
 */
export function pump<T>(state: QueueState<T>): void {
  const { definition, waiting, held, runs } = state;
  while (!state.stopped && runs.size < state.concurrency && waiting.length > 0) {
    const items = definition.handleBatch ? waiting.splice(0) : waiting.splice(0, 1);
    startRun(
      state,
      items.map((item) => held.get(item.id)).filter((entry): entry is Held<T> => !!entry),
    );
  }
}

function startRun<T>(state: QueueState<T>, entries: Held<T>[]): void {
  const run = runEntries(state, entries).finally(() => {
    state.runs.delete(run);
    pump(state);
    state.waker.notify();
  });
  state.runs.add(run);
}

/** Runs one item or one batch under a shared abort; a throw fails every entry of it. */
async function runEntries<T>(state: QueueState<T>, entries: Held<T>[]): Promise<void> {
  const { definition, deps, label } = state;
  const controller = new AbortController();
  for (const entry of entries) entry.controller = controller;
  const stopTimer = deps.metrics.duration.startTimer(label);
  try {
    if (definition.handleBatch) await runBatch(state, entries, controller.signal);
    else await runOne(state, entries[0] as Held<T>, controller.signal);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    deps.metrics.failed.inc(label, entries.length);
    deps.logger.warn(`an item of queue '${definition.name}' failed: ${failure.message}`);
    const now = Date.now();
    await finish(state, entries, (item) => ({
      status: 'failed',
      error: failure,
      retryAt: state.retryAt(item, failure, now),
    }));
  } finally {
    stopTimer();
  }
}

/** `handleBatch` completes the items itself: they are only let go of here. */
async function runBatch<T>(state: QueueState<T>, entries: Held<T>[], signal: AbortSignal): Promise<void> {
  await state.definition.handleBatch?.(
    entries.map((entry) => entry.item),
    signal,
  );
  for (const entry of entries) state.held.delete(entry.item.id);
  state.deps.metrics.processed.inc(state.label, entries.length);
}

async function runOne<T>(state: QueueState<T>, entry: Held<T>, signal: AbortSignal): Promise<void> {
  const result = await state.definition.handle?.(entry.item, signal);
  const failure = result?.failure;
  const now = Date.now();
  if (failure) state.deps.metrics.failed.inc(state.label);
  else state.deps.metrics.processed.inc(state.label);
  await finish(state, [entry], (item) =>
    failure
      ? {
          status: 'failed',
          error: failure,
          retryAt: result.dueAt !== undefined ? result.dueAt : state.retryAt(item, failure, now),
        }
      : { status: 'done', dueAt: result?.dueAt ?? null },
  );
}

/** Records each outcome and lets go of the items; one whose lease was lost is not ours to record. */
async function finish<T>(
  state: QueueState<T>,
  entries: Held<T>[],
  outcome: (item: WorkItem<T>) => WorkOutcome,
): Promise<void> {
  const { source, deps, definition } = state;
  for (const entry of entries) {
    state.held.delete(entry.item.id);
    if (entry.lost) continue;
    await source
      .complete(entry.item, outcome(entry.item), deps.owner)
      .catch((error: unknown) =>
        deps.logger.warn(
          `could not record the outcome of '${entry.item.id}' in queue '${definition.name}'`,
          error as Error,
        ),
      );
  }
}
