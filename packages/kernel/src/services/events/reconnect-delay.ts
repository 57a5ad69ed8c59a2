import { doublingDelayMs } from '../../concurrency/doubling-delay.js';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first) to the server that
 * carries events across backends: 250 ms doubling to 30 s, jittered to between half and
 * all of that, so backends cut off together do not all reconnect at the same moment.
 *
 * @example
 * setTimeout(reconnect, reconnectDelayMs(attempt));
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  return doublingDelayMs(attempt, FIRST_RETRY_MS, MAX_RETRY_MS) * (0.5 + random() / 2);
}
