import { InputError } from '@atrium/errors';

/** A duration as Backstage config writes it: an object of units or an ISO 8601 string. */
export type Duration =
  | string
  | {
      milliseconds?: number;
      seconds?: number;
      minutes?: number;
      hours?: number;
      days?: number;
      weeks?: number;
    };

const unitMs = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};
const isoPattern =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Converts a duration to milliseconds.
 *
 * @example
 * durationToMs({ minutes: 2 }); // 120000
 * durationToMs('PT1M30S');      // 90000
 */
export function durationToMs(duration: Duration): number {
  if (typeof duration === 'string') {
    const match = isoPattern.exec(duration.trim());
    if (!match || duration.trim() === 'P' || duration.trim().endsWith('T')) {
      throw new InputError(`'${duration}' is not an ISO 8601 duration such as 'PT5M' or 'P1D'`);
    }
    const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
    return (
      (w ?? 0) * unitMs.weeks +
      (d ?? 0) * unitMs.days +
      (h ?? 0) * unitMs.hours +
      (m ?? 0) * unitMs.minutes +
      (s ?? 0) * 1000
    );
  }
  let total = 0;
  for (const [unit, value] of Object.entries(duration)) {
    const factor = unitMs[unit as keyof typeof unitMs];
    if (factor === undefined)
      throw new InputError(`unknown duration unit '${unit}'; use one of ${Object.keys(unitMs).join(', ')}`);
    if (typeof value !== 'number' || value < 0)
      throw new InputError(`duration unit '${unit}' must be a non-negative number`);
    total += value * factor;
  }
  return total;
}
