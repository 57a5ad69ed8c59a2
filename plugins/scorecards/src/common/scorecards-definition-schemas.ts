import { z } from 'zod';

/** A definition's id: a slug, unique per kind (checks, tracks, campaigns). */
export const definitionIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a slug: letters, digits, ".", "_" or "-"');

/** `<collectorId>:<namespace>/<factName>`, e.g. `catalog:default/entity_descriptor`. */
export const factRefSchema = z
  .string()
  .max(300)
  .regex(
    /^[a-z0-9][a-z0-9_-]*:[a-z0-9][a-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9._/-]*$/,
    'must look like "<collectorId>:<namespace>/<factName>"',
  );

/** The operators of a rule leaf. */
export const RULE_OPERATORS = [
  'equal',
  'notEqual',
  'greaterThan',
  'greaterThanInclusive',
  'lessThan',
  'lessThanInclusive',
  'matches',
  'contains',
  'doesNotContain',
  'in',
  'notIn',
  'exists',
  'semverSatisfies',
] as const;

/** One rule operator. */
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A rule leaf: the value at `path` (JSONPath, `$` = the whole fact) compared by `operator`. */
export const ruleConditionSchema = z.object({
  factRef: factRefSchema,
  path: z.string().min(1).max(500).default('$'),
  operator: z.enum(RULE_OPERATORS),
  value: z.unknown().optional(),
});

/** A rule leaf. */
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

/** A rule: a leaf, or `all` / `any` / `not` over rules. */
export type Rule = RuleCondition | { all: Rule[] } | { any: Rule[] } | { not: Rule };

/** Schema of {@link Rule} (recursive). */
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    ruleConditionSchema,
    z.object({ all: z.array(ruleSchema).min(1).max(100) }).strict(),
    z.object({ any: z.array(ruleSchema).min(1).max(100) }).strict(),
    z.object({ not: ruleSchema }).strict(),
  ]),
) as z.ZodType<Rule>;

/** One catalog filter set: dotted path → value or any of values (the catalog's grammar). */
export const filterSetSchema = z.record(
  z.string().min(1).max(200),
  z.union([z.string().max(500), z.array(z.string().max(500)).max(100)]),
);

/** A catalog filter: one set (conditions ANDed) or several (ORed). */
export const entityFilterSchema = z.union([filterSetSchema, z.array(filterSetSchema).max(50)]);

/** A catalog filter as the API carries it. */
export type ScorecardsEntityFilter = z.infer<typeof entityFilterSchema>;

/** Where a definition comes from: app config, a YAML file at a location, or the UI/API. */
export const definitionSourceSchema = z.object({
  type: z.enum(['config', 'file', 'ui']),
  /** For `file`: the file's URL or path (the UI links to it); for `config`: the config key. */
  location: z.string().optional(),
});

/** A definition's source; only `ui` definitions are editable through the API. */
export type DefinitionSource = z.infer<typeof definitionSourceSchema>;

const metadata = {
  name: z.string().min(1).max(100),
  description: z.string().max(4000).optional(),
  ownerEntityRef: z.string().min(1).max(300).optional(),
  filter: entityFilterSchema.optional(),
  exclude: entityFilterSchema.optional(),
};

/**
 * A check as written (YAML or the editor). Kind by fields, as Soundcheck: `rule` → rule check;
 * `type: manual` → a person sets the state; neither → external (results via `POST /results`).
 */
export const checkInputSchema = z.object({
  id: definitionIdSchema,
  ...metadata,
  type: z.enum(['rule', 'manual', 'external']).optional(),
  rule: ruleSchema.optional(),
  /** Markdown shown when passing / failing; may link to how to fix it. */
  passedMessage: z.string().max(4000).optional(),
  failedMessage: z.string().max(4000).optional(),
  /** A failure is shown as `warning` and does not block a level. */
  warning: z.boolean().optional(),
  /** A rule that errors keeps the entity's previous non-error state (details still update). */
  preserveStateOnError: z.boolean().optional(),
  /** Cron for re-evaluation when its facts have no schedule of their own. */
  schedule: z.object({ frequency: z.object({ cron: z.string().max(100) }) }).optional(),
});

/** A check as written. */
export type CheckInput = z.input<typeof checkInputSchema>;

const stored = {
  source: definitionSourceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A stored check, with its resolved kind and source. */
export const checkSchema = checkInputSchema.extend({
  type: z.enum(['rule', 'manual', 'external']),
  ...stored,
});

/** A stored check. */
export type Check = z.infer<typeof checkSchema>;

const levelSchema = z.object({
  /** Order of the level: 1 is the first (easiest) level. */
  ordinal: z.number().int().min(1).max(100),
  name: z.string().min(1).max(100),
  description: z.string().max(4000).optional(),
  badge: z.object({ color: z.string().max(50).optional() }).optional(),
  checks: z
    .array(z.object({ id: definitionIdSchema }))
    .min(1)
    .max(200),
});

/** A level of a track. */
export type Level = z.infer<typeof levelSchema>;

/** A track as written: an ordered list of levels. */
export const trackInputSchema = z.object({
  id: definitionIdSchema,
  ...metadata,
  documentationURL: z.string().max(2000).optional(),
  levels: z.array(levelSchema).min(1).max(20),
});

/** A track as written. */
export type TrackInput = z.input<typeof trackInputSchema>;

/** A stored track. */
export const trackSchema = trackInputSchema.extend(stored);

/** A stored track. */
export type Track = z.infer<typeof trackSchema>;

const day = z.iso.date();

/** A campaign as written: a track shape with dates and milestones. */
export const campaignInputSchema = trackInputSchema.extend({
  startDate: day,
  targetCompletionDate: day,
  milestones: z
    .array(
      z.object({ name: z.string().min(1).max(100), date: day, targetPercent: z.number().min(0).max(100) }),
    )
    .max(20)
    .default([]),
  archived: z.boolean().default(false),
});

/** A campaign as written. */
export type CampaignInput = z.input<typeof campaignInputSchema>;

/** A stored campaign. */
export const campaignSchema = campaignInputSchema.extend(stored);

/** A stored campaign. */
export type Campaign = z.infer<typeof campaignSchema>;
