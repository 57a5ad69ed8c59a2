import type { StateCounts } from '../../common/index.js';

/** Share of applicable results that pass (warnings pass; not-applicable ones are left out). */
export function passRate(counts: StateCounts): number {
  const applicable = counts.passed + counts.warning + counts.failed + counts.error;
  return applicable === 0 ? 0 : (counts.passed + counts.warning) / applicable;
}
