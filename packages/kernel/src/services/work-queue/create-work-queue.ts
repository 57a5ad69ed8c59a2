import { claimWork, updateDepth } from './claim-work.js';
import { createQueueState, type QueueState, type WorkQueueDeps } from './create-queue-state.js';
import { extendLeases } from './extend-leases.js';
import { stopWorkQueue } from './stop-work-queue.js';
import type { WorkQueue, WorkQueueDefinition } from './work-queue-service.js';

/**
 * Runs one queue: claims due items in batches with a lease, runs up to `concurrency` at a
 * time, extends the leases of held items on a heartbeat, records each outcome (retrying
 * failures after a backoff) and wakes early when told there is new work.
 *
 * @example
 * const queue = createWorkQueue({ name: 'jobs', source: { db, dialect, table: 'jobs' }, handle }, deps);
 * queue.start();
 */
export function createWorkQueue<T>(definition: WorkQueueDefinition<T>, deps: WorkQueueDeps): WorkQueue {
  const state = createQueueState(definition, deps);
  return {
    start() {
      if (!state.stopped) return;
      state.stopped = false;
      state.loopDone = claimLoop(state);
      startHeartbeat(state);
      listenForWakeUps(state);
    },
    wake(options) {
      if (state.stopped) return;
      state.waker.notify();
      if (options?.allBackends && deps.events) {
        deps.events.bus
          .publish({ topic: deps.events.topic, eventPayload: {} })
          .catch((error: unknown) =>
            deps.logger.warn(`could not wake queue '${definition.name}' on other backends`, error as Error),
          );
      }
    },
    async stop(graceMs = 10_000) {
      if (state.stopped) return;
      await stopWorkQueue(state, graceMs);
    },
  };
}

/** Claims until stopped; waits for a wake-up or `pollMs` whenever a round found nothing. */
async function claimLoop<T>(state: QueueState<T>): Promise<void> {
  while (!state.stopped) {
    let worked = false;
    try {
      worked = await claimWork(state);
      await updateDepth(state);
    } catch (error) {
      state.deps.logger.warn(
        `queue '${state.definition.name}' could not claim work; retrying`,
        error as Error,
      );
    }
    // SQLite answers synchronously: let HTTP requests and timers run between rounds.
    await new Promise((resolve) => setImmediate(resolve));
    if (!worked && !state.stopped) await state.waker.waitFor(state.pollMs);
  }
}

function startHeartbeat<T>(state: QueueState<T>): void {
  state.heartbeat = setInterval(() => {
    extendLeases(state).catch((error: unknown) =>
      state.deps.logger.warn(`queue '${state.definition.name}' could not extend its leases`, error as Error),
    );
  }, state.heartbeatMs);
  state.heartbeat.unref();
}

/** Wake-ups published by other backends; a subscription that lands after a stop is dropped. */
function listenForWakeUps<T>(state: QueueState<T>): void {
  const { events } = state.deps;
  if (!events) return;
  void events.bus
    .subscribe({
      id: `work-queue.${state.definition.name}`,
      topics: [events.topic],
      onEvent: () => state.waker.notify(),
    })
    .then((off) => {
      if (state.stopped) off();
      else state.unsubscribe = off;
    });
}
