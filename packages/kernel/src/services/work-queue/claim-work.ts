import type { QueueState } from './create-queue-state.js';
import { pump } from './run-held-items.js';

const DEPTH_INTERVAL_MS = 5000;

/**
 * Claims what there is room for and starts it; false when nothing was claimed (the loop
 * then waits). A batch queue claims a whole batch whenever a run slot is free; a
 * single-item queue tops up to `batchSize` once it holds `refillAt` or fewer.
 *
 * @example
 * const worked = await claimWork(state);
 */
export async function claimWork<T>(state: QueueState<T>): Promise<boolean> {
  const { definition, held, deps, batchSize } = state;
  const room = definition.handleBatch
    ? state.runs.size < state.concurrency
      ? batchSize
      : 0
    : batchSize - held.size;
  if (room <= 0 || (!definition.handleBatch && held.size > state.refillAt)) return false;
  const now = Date.now();
  const { items, expiredLeases } = await state.source.claim({
    owner: deps.owner,
    limit: room,
    now,
    leaseExpiresAt: now + state.leaseMs,
  });
  if (expiredLeases) deps.metrics.leaseExpiries.inc(state.label, expiredLeases);
  for (const item of items) {
    held.set(item.id, { item });
    state.waiting.push(item);
  }
  pump(state);
  return items.length > 0;
}

/** Sets the depth gauge, at most every few seconds (it counts rows). */
export async function updateDepth<T>(state: QueueState<T>): Promise<void> {
  const { source } = state;
  if (!source.depth || Date.now() - state.depthAt < DEPTH_INTERVAL_MS) return;
  state.depthAt = Date.now();
  state.deps.metrics.depth.set(state.label, await source.depth(state.depthAt));
}
