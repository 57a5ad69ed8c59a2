import { z } from 'zod';
import { definitionIdSchema, factRefSchema } from './scorecards-definition-schemas.js';

/** The states of a check result for an entity. */
export const CHECK_STATES = ['passed', 'failed', 'warning', 'not-applicable', 'error'] as const;

/** A check result's state. */
export type CheckState = (typeof CHECK_STATES)[number];

/** An entity ref as the API takes it, `kind:namespace/name`. */
export const entityRefSchema = z.string().min(3).max(300);

/** Partitions results, e.g. per branch or environment; `default` when not given. */
export const scopeSchema = z.string().min(1).max(100).default('default');

/** The latest result of one check for one entity in one scope. */
export const checkResultSchema = z.object({
  entityRef: z.string(),
  checkId: z.string(),
  scope: z.string(),
  state: z.enum(CHECK_STATES),
  /** Free-form details: the facts read, the message shown, an error's reason. */
  details: z.record(z.string(), z.unknown()),
  /** Who set it: `scorecards` for evaluated rules, else the user or service ref. */
  submittedBy: z.string(),
  /** When it was last evaluated or submitted (ISO). */
  lastChecked: z.string(),
  /** When the state last changed (ISO). */
  stateSince: z.string(),
  /** Set when an approved, unexpired exemption makes the result count as passing. */
  exempted: z.boolean().optional(),
});

/** The latest result of one check for one entity. */
export type CheckResult = z.infer<typeof checkResultSchema>;

/** A result as a CI script or external system submits it. */
export const submittedResultSchema = z.object({
  entityRef: entityRefSchema,
  checkId: definitionIdSchema,
  scope: scopeSchema,
  state: z.enum(CHECK_STATES),
  details: z.record(z.string(), z.unknown()).default({}),
});

/** A fact as pushed (`POST /facts`). */
export const submittedFactSchema = z.object({
  factRef: factRefSchema,
  entityRef: entityRefSchema,
  data: z.unknown(),
  /** When the fact was observed (ISO); now when left out. */
  timestamp: z.iso.datetime({ offset: true }).optional(),
});

/** The latest fact of one factRef for one entity. */
export const factSchema = z.object({
  factRef: z.string(),
  entityRef: z.string(),
  data: z.unknown(),
  timestamp: z.string(),
});

/** A stored fact. */
export type Fact = z.infer<typeof factSchema>;

/** One stored state transition (history). */
export const resultTransitionSchema = z.object({
  entityRef: z.string(),
  checkId: z.string(),
  scope: z.string(),
  /** The state before; absent for the first result. */
  fromState: z.enum(CHECK_STATES).optional(),
  toState: z.enum(CHECK_STATES),
  submittedBy: z.string(),
  at: z.string(),
});

/** A stored state transition. */
export type ResultTransition = z.infer<typeof resultTransitionSchema>;

/** An entity's certification in one track. */
export const certificationSchema = z.object({
  entityRef: z.string(),
  trackId: z.string(),
  /** The highest level reached (it and every lower level pass); absent when none. */
  highestLevel: z.object({ ordinal: z.number().int(), name: z.string() }).optional(),
  levels: z.array(
    z.object({
      ordinal: z.number().int(),
      name: z.string(),
      passed: z.boolean(),
      checks: z.array(z.object({ checkId: z.string(), state: z.enum(CHECK_STATES).optional() })),
    }),
  ),
  certificationTimestamp: z.string().optional(),
});

/** An entity's certification in one track. */
export type Certification = z.infer<typeof certificationSchema>;

/** The states of an exemption. */
export const EXEMPTION_STATUSES = ['pending', 'approved', 'revoked', 'expired'] as const;

/** An exemption of one entity from one check. */
export const exemptionSchema = z.object({
  checkId: z.string(),
  entityRef: z.string(),
  status: z.enum(EXEMPTION_STATUSES),
  justification: z.string(),
  /** Who asked for it. */
  userRef: z.string(),
  /** ISO date the exemption ends; absent = until revoked. */
  expiresAt: z.string().optional(),
  approvedBy: z.string().optional(),
  revokedBy: z.string().optional(),
  revokeReason: z.string().optional(),
  timestamp: z.string(),
  updatedAt: z.string(),
});

/** An exemption. */
export type Exemption = z.infer<typeof exemptionSchema>;

/** Counts per state. */
export const stateCountsSchema = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  warning: z.number().int(),
  'not-applicable': z.number().int(),
  error: z.number().int(),
});

/** Counts per state. */
export type StateCounts = z.infer<typeof stateCountsSchema>;

/** One cell of the overview: a track's certification across the entities a team owns. */
export const trackTeamCellSchema = z.object({
  trackId: z.string(),
  ownerRef: z.string(),
  entityCount: z.number().int(),
  /** Entities per highest level reached; key `0` = no level. */
  levels: z.record(z.string(), z.number().int()),
});

/** One cell of the overview heatmap. */
export type TrackTeamCell = z.infer<typeof trackTeamCellSchema>;

/** A row of the team grid: one entity and its highest level in each track. */
export const teamGridRowSchema = z.object({
  entityRef: z.string(),
  ownerRef: z.string().optional(),
  /** trackId → highest level ordinal reached (0 = none); tracks not applying are absent. */
  levels: z.record(z.string(), z.number().int()),
  failedChecks: z.number().int(),
});

/** A row of the team grid. */
export type TeamGridRow = z.infer<typeof teamGridRowSchema>;

/** A fact collector and the facts it declares. */
export const factCollectorInfoSchema = z.object({
  collectorId: z.string(),
  description: z.string().optional(),
  facts: z.array(
    z.object({
      factRef: z.string(),
      description: z.string().optional(),
      /** JSON Schema of the fact's data (pushed facts are validated against it). */
      schema: z.record(z.string(), z.unknown()).optional(),
      pushable: z.boolean(),
    }),
  ),
});

/** A fact collector as the API lists it. */
export type FactCollectorInfo = z.infer<typeof factCollectorInfoSchema>;
