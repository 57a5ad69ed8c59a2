import { z } from 'zod';
import { durationSchema } from '../config/duration-schema.js';

/** `backend.reading`: Backstage's `allow` list plus Atrium's limits. */
export const readingConfigSchema = z
  .object({
    allow: z
      .array(z.object({ host: z.string().min(1), paths: z.array(z.string().startsWith('/')).optional() }))
      .default([]),
    /** Removed: readable directories are declared by plugins (the catalog's settings). */
    fileRoots: z
      .never({
        error:
          'backend.reading.fileRoots was removed: local files are readable only under catalog.allowedFileRoots and the directories of the file targets in catalog.locations; move these directories to catalog.allowedFileRoots',
      })
      .optional(),
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    timeout: durationSchema.default({ seconds: 30 }),
  })
  .prefault({});

/** Parsed `backend.reading`. */
export type ReadingConfig = z.output<typeof readingConfigSchema>;
