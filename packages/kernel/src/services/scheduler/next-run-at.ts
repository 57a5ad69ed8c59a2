import { createRequire } from 'node:module';
import { InputError } from '@atrium/errors';
import { type Duration, durationToMs } from './duration.js';
import type { TaskFrequency } from './scheduler-service.js';

type CronParser = typeof import('cron-parser').CronExpressionParser;
let cronParser: CronParser | undefined;
// Loaded on first cron task; nextRunAt is synchronous, hence require rather than import().
const loadCronParser = (): CronParser =>
  (cronParser ??= (createRequire(import.meta.url)('cron-parser') as typeof import('cron-parser'))
    .CronExpressionParser);

/** When a task with this frequency runs next after `from`; null when it never runs again on its own. */
export function nextRunAt(frequency: TaskFrequency, from: number): number | null {
  if (typeof frequency === 'object' && 'trigger' in frequency) return null;
  if (typeof frequency === 'object' && 'cron' in frequency) {
    try {
      return loadCronParser()
        .parse(frequency.cron, { currentDate: new Date(from) })
        .next()
        .getTime();
    } catch (error) {
      throw new InputError(`'${frequency.cron}' is not a valid cron expression: ${(error as Error).message}`);
    }
  }
  const interval = durationToMs(frequency as Duration);
  if (interval <= 0) throw new InputError('a task interval must be longer than zero');
  return from + interval;
}

/** When a newly scheduled task first runs. */
export function firstRunAt(
  frequency: TaskFrequency,
  initialDelay: Duration | undefined,
  now: number,
): number | null {
  if (typeof frequency === 'object' && 'trigger' in frequency && frequency.trigger === 'manual') return null;
  const delay = initialDelay ? durationToMs(initialDelay) : 0;
  if (typeof frequency === 'object' && 'cron' in frequency) return nextRunAt(frequency, now + delay);
  return now + delay;
}
