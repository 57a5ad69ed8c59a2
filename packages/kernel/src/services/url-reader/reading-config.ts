import { z } from 'zod';

const duration = z.union([z.string(), z.record(z.string(), z.number())]);

/** `backend.reading`: Backstage's `allow` list plus Atrium's limits and file roots. */
export const readingConfigSchema = z
  .object({
    allow: z
      .array(z.object({ host: z.string().min(1), paths: z.array(z.string().startsWith('/')).optional() }))
      .default([]),
    /** Directories file: URLs may be read from; the working directory when unset. */
    fileRoots: z.array(z.string()).optional(),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    timeout: duration.default({ seconds: 30 }),
  })
  .prefault({});

/** Parsed `backend.reading`. */
export type ReadingConfig = z.output<typeof readingConfigSchema>;
