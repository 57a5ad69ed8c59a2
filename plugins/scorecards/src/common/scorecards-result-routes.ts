import type { RouteSpec } from '@atrium/http-api';
import { z } from 'zod';
import {
  checkInputSchema,
  definitionIdSchema,
  entityFilterSchema,
  factRefSchema,
} from './scorecards-definition-schemas.js';
import {
  CHECK_STATES,
  certificationSchema,
  checkResultSchema,
  entityRefSchema,
  factCollectorInfoSchema,
  factSchema,
  scopeSchema,
  stateCountsSchema,
  submittedFactSchema,
  submittedResultSchema,
} from './scorecards-result-schemas.js';

const read = ['scorecards.read', 'catalog.entity.read'] as const;
const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) =>
      value === undefined ? undefined : ([value].flat() as string[]).flatMap((one) => one.split(',')),
    );
const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The routes of facts, results, certifications and the CI gate. */
export const resultRoutes = {
  getResults: {
    method: 'GET',
    path: '/results',
    summary: "An entity's latest results (its scorecard tab)",
    query: z.object({ entityRef: entityRefSchema, scope: scopeSchema, checks: list(z.string()) }),
    response: z.object({ results: z.array(checkResultSchema) }),
    permissions: read,
  },
  submitResults: {
    method: 'POST',
    path: '/results',
    summary: 'Results of external checks, e.g. from CI (Soundcheck `POST /results`)',
    query: z.object({ returnUpdatedResults: z.stringbool().default(false) }),
    body: z.object({
      results: z.array(submittedResultSchema).min(1).max(1000),
      preserveStateOnError: z.boolean().default(false),
    }),
    response: z.object({ status: z.literal('ok'), results: z.array(checkResultSchema).optional() }),
    permissions: ['scorecards.result.push'],
  },
  setManualState: {
    method: 'POST',
    path: '/results/manual',
    summary: "Set a manual check's state for an entity, with a reason (audited)",
    body: z.object({
      entityRef: entityRefSchema,
      checkId: definitionIdSchema,
      scope: scopeSchema,
      state: z.enum(CHECK_STATES),
      reason: z.string().trim().min(1).max(4000),
    }),
    response: checkResultSchema,
    permissions: ['scorecards.check.manual.update'],
  },
  getCheckResults: {
    method: 'GET',
    path: '/checks/:checkId/results',
    summary: "A check's results across entities, paged (only entities the caller may read)",
    params: z.object({ checkId: definitionIdSchema }),
    query: z.object({ states: list(z.enum(CHECK_STATES)), scope: scopeSchema, ...paging }),
    response: z.object({ results: z.array(checkResultSchema), totalCount: z.number().int() }),
    permissions: read,
  },
  getCheckStatus: {
    method: 'GET',
    path: '/checks/:checkId/status',
    summary: "Counts per state of a check's results (over entities the caller may read)",
    params: z.object({ checkId: definitionIdSchema }),
    response: z.object({ checkId: z.string(), counts: stateCountsSchema }),
    permissions: read,
  },
  executeChecks: {
    method: 'POST',
    path: '/checks/execute',
    summary: 'Evaluate stored checks or an inline draft against entities; dryRun=true saves nothing',
    query: z.object({ dryRun: z.stringbool().default(false) }),
    body: z.object({
      checkIds: z.array(definitionIdSchema).max(100).optional(),
      /** A draft check (the editor's live preview). */
      check: checkInputSchema.optional(),
      entityRefs: z.array(entityRefSchema).min(1).max(100).optional(),
      filter: entityFilterSchema.optional(),
    }),
    response: z.object({ results: z.array(checkResultSchema) }),
    permissions: ['scorecards.read', 'catalog.entity.read', 'scorecards.check.edit'],
  },
  getCertifications: {
    method: 'GET',
    path: '/certifications',
    summary: "An entity's level in every track that applies to it (or one track)",
    query: z.object({ entityRef: entityRefSchema, trackId: definitionIdSchema.optional() }),
    response: z.object({ certifications: z.array(certificationSchema) }),
    permissions: read,
  },
  getTrackEntities: {
    method: 'GET',
    path: '/tracks/:trackId/entities',
    summary: 'Entities of a track with their level, paged; `minLevel` keeps those at or above it',
    params: z.object({ trackId: definitionIdSchema }),
    query: z.object({ minLevel: z.coerce.number().int().min(0).optional(), ...paging }),
    response: z.object({
      entities: z.array(
        z.object({
          entityRef: z.string(),
          levelOrdinal: z.number().int(),
          certificationTimestamp: z.string(),
        }),
      ),
      totalCount: z.number().int(),
    }),
    permissions: read,
  },
  gate: {
    method: 'GET',
    path: '/gate',
    summary:
      'CI gate: does the entity pass a check, or reach a level of a track? 200 when it does, 412 when not (so `curl --fail` fails the pipeline)',
    query: z
      .object({
        entityRef: entityRefSchema,
        checkId: definitionIdSchema.optional(),
        trackId: definitionIdSchema.optional(),
        level: z.coerce.number().int().min(1).optional(),
        scope: scopeSchema,
      })
      .refine((query) => (query.checkId === undefined) !== (query.trackId === undefined), {
        message: 'give exactly one of checkId or trackId',
      }),
    response: z.object({
      pass: z.boolean(),
      entityRef: z.string(),
      checkId: z.string().optional(),
      state: z.enum(CHECK_STATES).optional(),
      trackId: z.string().optional(),
      requiredLevel: z.number().int().optional(),
      levelOrdinal: z.number().int().optional(),
      reason: z.string(),
    }),
    permissions: read,
  },
  submitFacts: {
    method: 'POST',
    path: '/facts',
    summary: "Push facts (CI); each is validated against its collector's declared schema",
    body: z.object({ facts: z.array(submittedFactSchema).min(1).max(1000) }),
    response: z.object({ facts: z.array(factSchema.omit({ data: true })) }),
    bodyLimit: 4 * 1024 * 1024,
    permissions: ['scorecards.fact.push'],
  },
  collectFacts: {
    method: 'POST',
    path: '/facts/collect',
    summary: 'Collect facts now for some entities (Soundcheck on-demand collection); runs in the background',
    body: z.object({
      collectorIds: z.array(z.string().min(1).max(100)).min(1).max(20),
      entityRefs: z.array(entityRefSchema).min(1).max(100),
    }),
    response: z.object({
      queued: z.array(
        z.object({ collectorId: z.string(), entityRefs: z.array(z.string()), jobsQueued: z.number().int() }),
      ),
      skipped: z.array(z.object({ collectorId: z.string(), reason: z.string() })),
    }),
    permissions: ['scorecards.fact.collect', 'catalog.entity.read'],
  },
  certifyWorld: {
    method: 'POST',
    path: '/certify_world',
    summary:
      'Evaluate every check for every entity again now (the periodic full run, on demand; one run across backends)',
    response: z.object({ taskId: z.string(), triggered: z.literal(true) }),
    permissions: ['scorecards.check.edit'],
  },
  getFacts: {
    method: 'GET',
    path: '/facts',
    summary: "An entity's latest facts (all, or the given factRefs)",
    query: z.object({ entityRef: entityRefSchema, factRefs: list(factRefSchema) }),
    response: z.object({ facts: z.array(factSchema) }),
    permissions: read,
  },
  listFactCollectors: {
    method: 'GET',
    path: '/fact-collectors',
    summary: 'Installed fact collectors and the facts they declare (the editor offers them)',
    response: z.object({ factCollectors: z.array(factCollectorInfoSchema) }),
    permissions: ['scorecards.read'],
  },
} as const satisfies Record<string, RouteSpec>;
