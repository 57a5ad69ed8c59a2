import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { QueueState } from './create-queue-state.js';

/**
 * The heartbeat: extends the leases of every held item. An item whose lease is gone (taken
 * over by another backend) is marked lost: its run is aborted and its outcome never
 * recorded; if it had not started yet it is dropped.
 *
 * @example
 * setInterval(() => void extendLeases(state), state.heartbeatMs);
 */
export async function extendLeases<T>(state: QueueState<T>): Promise<void> {
  const { source, held, deps, waiting } = state;
  if (!source.extend || held.size === 0) return;
  const entries = [...held.values()];
  const now = Date.now();
  const alive = new Set(
    await source.extend(
      entries.map((entry) => entry.item),
      { owner: deps.owner, now, leaseExpiresAt: now + state.leaseMs },
    ),
  );
  for (const entry of entries) {
    if (alive.has(entry.item.id) || !held.has(entry.item.id)) continue;
    entry.lost = true;
    deps.metrics.leaseExpiries.inc(state.label);
    entry.controller?.abort(
      new AtriumError(
        kernelErrorCodes.WORK_LEASE_LOST,
        `the lease of '${entry.item.id}' in queue '${state.definition.name}' was lost`,
      ),
    );
    const index = waiting.indexOf(entry.item);
    if (index >= 0) {
      waiting.splice(index, 1);
      held.delete(entry.item.id);
    }
  }
}
