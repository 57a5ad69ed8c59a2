import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';

const definitions = z.array(z.record(z.string(), z.unknown())).default([]);

/** One repository file the `scm` collector probes for each entity. */
const scmFactSchema = z.object({
  /** The fact is `scm:default/<name>`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  /** The file, relative to the entity's source location (it may not leave it). */
  path: z.string().min(1).max(500),
  /** `exists`: `{ exists }`; `regex`: also `{ matches }`; `value`: also `{ value }` of a JSON/YAML file at `valuePath`. */
  type: z.enum(['exists', 'regex', 'value']).default('exists'),
  regex: z.string().max(500).optional(),
  valuePath: z.string().max(500).optional(),
  description: z.string().optional(),
});

/** `scorecards.*` config. */
export const scorecardsConfigSchema = z
  .object({
    /** Checks, tracks and campaigns defined here (source `config`: read-only in the UI). */
    checks: definitions,
    tracks: definitions,
    campaigns: definitions,
    /** YAML files of definitions (`checks`, `tracks`, `campaigns`, `exemptions`), source `file`. */
    definitionFiles: z.array(z.string()).default([]),
    /** Facts CI may push, each with the JSON Schema its data must match. */
    pushedFacts: z
      .array(
        z.object({
          factRef: z.string(),
          description: z.string().optional(),
          schema: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .default([]),
    collectors: z
      .object({
        catalog: z.object({ frequency: durationSchema.default({ minutes: 30 }) }).prefault({}),
        scm: z
          .object({
            frequency: durationSchema.default({ hours: 1 }),
            timeout: durationSchema.default({ seconds: 30 }),
            facts: z.array(scmFactSchema).default([]),
          })
          .prefault({}),
      })
      .prefault({}),
    /** How often every entity is evaluated again (facts that changed are evaluated at once). */
    evaluationFrequency: durationSchema.default({ hours: 6 }),
  })
  .prefault({});

/** Parsed `scorecards.*` config. */
export type ScorecardsConfig = z.output<typeof scorecardsConfigSchema>;

/** One configured `scm` fact. */
export type ScmFactConfig = z.output<typeof scmFactSchema>;
