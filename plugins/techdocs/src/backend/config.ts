import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

/** `techdocs.*` config (Backstage's `techdocs.publisher.type` keys where they fit). */
export const techdocsConfigSchema = z
  .object({
    /** Only `local` (build in this backend) is supported; `external` (built in CI) may come later. */
    builder: z.enum(['local']).default('local'),
    publisher: z
      .object({
        /** `database` (default): files in the plugin's database; `local`: in a folder. */
        type: z.enum(['database', 'local']).default('database'),
        local: z.object({ publishDirectory: z.string().min(1) }).optional(),
      })
      .prefault({})
      .refine((p) => p.type !== 'local' || p.local !== undefined, {
        message: "publisher.type 'local' needs publisher.local.publishDirectory",
      }),
    /** A published file (an image) over this many bytes is left out with a warning. */
    maxAssetSize: z.number().int().min(1).default(10_000_000),
    /** How often every documented entity's docs are checked for changes (builds are incremental). */
    refreshInterval: durationSchema.default({ minutes: 30 }),
    /**
     * Versions built besides the default one, for docs read from a local bare git repository
     * (`<repo>.git/blob/<ref>/...`): the listed branches or tags, then tags matching `tags`
     * (a glob such as `v*`), newest first, at most `max` in all.
     */
    versions: z
      .object({
        refs: z.array(z.string().min(1).max(80)).default([]),
        tags: z.string().min(1).max(80).optional(),
        max: z.number().int().min(0).max(50).default(5),
      })
      .prefault({}),
    /** Builds one backend runs at once. */
    buildConcurrency: z.number().int().min(1).max(16).default(2),
  })
  .prefault({});

export type TechDocsConfig = z.output<typeof techdocsConfigSchema>;
