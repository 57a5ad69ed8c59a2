/**
 * The delay before retry `step` (0 for the first): `firstMs` doubling per step, at most
 * `maxMs`. Callers add their own jitter, which differs by what they retry.
 *
 * @example
 * setTimeout(retry, doublingDelayMs(attempt, 250, 30_000));
 */
export function doublingDelayMs(step: number, firstMs: number, maxMs: number): number {
  return Math.min(firstMs * 2 ** Math.max(step, 0), maxMs);
}
