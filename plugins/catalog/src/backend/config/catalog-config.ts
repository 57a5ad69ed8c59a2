import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

const ruleSchema = z.object({
  allow: z.array(z.union([z.string(), z.object({ kind: z.string(), 'spec.type': z.string().optional() })])),
  locations: z
    .array(
      z.object({
        type: z.string(),
        exact: z.string().optional(),
        pattern: z.string().optional(),
        target: z.string().optional(),
      }),
    )
    .optional(),
});

/** One `catalog.rules` entry. */
export type CatalogRuleConfig = z.output<typeof ruleSchema>;

/**
 * The `catalog.*` config keys: Backstage's settings plus Atrium's `allowedFileRoots`,
 * `allowedLocationTypes` and `processing` tuning. Unknown keys are kept (modules read
 * `catalog.providers.*` and the like).
 */
export const catalogConfigSchema = z
  .object({
    locations: z
      .array(
        z.object({
          type: z.string().min(1),
          target: z.string().min(1),
          rules: z.array(z.object({ allow: ruleSchema.shape.allow })).optional(),
        }),
      )
      .default([]),
    rules: z.array(ruleSchema).optional(),
    readonly: z.boolean().default(false),
    orphanStrategy: z.enum(['keep', 'delete']).default('delete'),
    orphanProviderStrategy: z.enum(['keep', 'delete']).default('delete'),
    processingInterval: z.union([z.literal(false), durationSchema]).optional(),
    stitchingStrategy: z
      .object({
        mode: z.enum(['immediate', 'deferred']).default('immediate'),
        pollingInterval: durationSchema.optional(),
        stitchTimeout: durationSchema.optional(),
      })
      .optional(),
    defaultLocationConflictStrategy: z.enum(['reject', 'refresh']).default('reject'),
    providerOptions: z.record(z.string(), z.object({ disabled: z.boolean().optional() }).loose()).default({}),
    processorOptions: z
      .record(
        z.string(),
        z.object({ disabled: z.boolean().optional(), priority: z.number().optional() }).loose(),
      )
      .default({}),
    /** Directories under which `file` locations may be registered through the API. */
    allowedFileRoots: z.array(z.string().min(1)).default([]),
    /** Location types the API accepts besides `file` (which `allowedFileRoots` governs). */
    allowedLocationTypes: z.array(z.string().min(1)).default(['url']),
    /** Atrium's tuning of the processing loop. */
    processing: z
      .object({
        /** How often an idle worker looks for due work (other replicas' work included). */
        pollInterval: durationSchema.default({ seconds: 1 }),
        /** How long a claimed entity is reserved for one worker before another may take it. */
        leaseTimeout: durationSchema.default({ seconds: 60 }),
        /** Entities claimed per round. */
        batchSize: z.number().int().min(1).max(5000).default(1000),
        /** Entities processed at once (I/O overlaps; CPU work is serial anyway). */
        concurrency: z.number().int().min(1).max(256).default(16),
      })
      .prefault({}),
  })
  .loose()
  .prefault({});

/** Parsed `catalog` config. */
export type CatalogConfig = z.output<typeof catalogConfigSchema>;
