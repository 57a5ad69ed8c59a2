import { z } from 'zod';
import { type Duration, durationToMs } from '../scheduler/duration.js';

/**
 * A duration in config, as Backstage writes it: an ISO 8601 string (`PT5M`) or an object
 * of units (`{ minutes: 5 }`). Checked by the same `durationToMs` the kernel and plugins
 * call when they use the value, so `atrium config check` refuses what would fail later.
 *
 * @example
 * const schema = z.object({ timeout: durationSchema.default({ minutes: 5 }) });
 */
export const durationSchema: z.ZodType<Duration, Duration> = z
  .union([z.string(), z.record(z.string(), z.number())])
  .superRefine((value, ctx) => {
    try {
      durationToMs(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message:
          typeof value === 'string'
            ? "expected an ISO 8601 duration such as 'PT5M' or 'P1D', or units such as { minutes: 5 }"
            : (error as Error).message,
      });
    }
  });
