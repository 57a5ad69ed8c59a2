import { durationToMs } from '@atrium/kernel';
import type { CatalogConfig } from '../config/catalog-config.js';

/** When entities are due again; `undefined` when `catalog.processingInterval: false`. */
export interface ProcessingSchedule {
  /** Milliseconds until the next run after a success (`failures` 0) or the n-th failure in a row. */
  delayMs(failures: number): number;
}

const DEFAULT_INTERVAL_MS = 100_000;
const MAX_BACKOFF_STEPS = 5;

/**
 * The schedule of `catalog.processingInterval`: a random delay in `[interval, 1.5 ×
 * interval]` (100–150 s by default), spreading work over time; after failures the delay
 * doubles per failure in a row, up to 32 times, so a broken source is not hammered.
 *
 * @example
 * createProcessingSchedule({ processingInterval: { seconds: 10 } })?.delayMs(0); // 10000..15000
 */
export function createProcessingSchedule(
  config: Pick<CatalogConfig, 'processingInterval'>,
): ProcessingSchedule | undefined {
  if (config.processingInterval === false) return undefined;
  const interval =
    config.processingInterval === undefined ? DEFAULT_INTERVAL_MS : durationToMs(config.processingInterval);
  return {
    delayMs(failures) {
      const base = interval * (1 + Math.random() * 0.5);
      return Math.round(failures <= 0 ? base : base * 2 ** Math.min(failures - 1, MAX_BACKOFF_STEPS));
    },
  };
}
