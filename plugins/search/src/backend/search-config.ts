import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

/** `search.*` config. */
export const searchConfigSchema = z
  .object({
    /** The full rebuild of every document type (incremental updates come through events). */
    schedule: z
      .object({
        frequency: durationSchema.default({ minutes: 30 }),
        /** The first rebuild after start. */
        initialDelay: durationSchema.default({ seconds: 5 }),
        /** The lease of one rebuild: a backend that dies mid-run is replaced after this long. */
        timeout: durationSchema.default({ minutes: 15 }),
      })
      .prefault({}),
    /**
     * Recent answers shared by callers with unconditional access to the types they search
     * (typeahead repeats the same prefixes). One is reused only while the index version it
     * was computed at holds (any backend's write raises it); 0 turns the cache off.
     */
    resultCache: z
      .object({
        ttl: durationSchema.default({ minutes: 5 }),
      })
      .prefault({}),
  })
  .prefault({});

/** Parsed `search.*` config. */
export type SearchConfig = z.output<typeof searchConfigSchema>;
