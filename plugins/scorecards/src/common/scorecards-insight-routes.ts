import type { RouteSpec } from '@atrium/http-api';
import { z } from 'zod';
import { definitionIdSchema } from './scorecards-definition-schemas.js';
import {
  CHECK_STATES,
  EXEMPTION_STATUSES,
  entityRefSchema,
  exemptionSchema,
  resultTransitionSchema,
  stateCountsSchema,
  teamGridRowSchema,
  trackTeamCellSchema,
} from './scorecards-result-schemas.js';

const read = ['scorecards.read', 'catalog.entity.read'] as const;
const instant = z.iso.datetime({ offset: true });
const exemptionKey = { checkId: definitionIdSchema, entityRef: entityRefSchema };

/** Routes of exemptions, history, trends and the aggregates of the overview and team pages. */
export const insightRoutes = {
  listExemptions: {
    method: 'GET',
    path: '/checks/exemptions',
    summary: 'Exemptions by check, track (its checks), entity or status, paged',
    query: z.object({
      checkId: definitionIdSchema.optional(),
      trackId: definitionIdSchema.optional(),
      entityRef: entityRefSchema.optional(),
      status: z.enum(EXEMPTION_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ exemptions: z.array(exemptionSchema), totalCount: z.number().int() }),
    permissions: read,
  },
  requestExemption: {
    method: 'POST',
    path: '/checks/exemptions',
    summary: "Ask for an exemption; pending until a member of the check's owner group approves",
    body: z.object({
      ...exemptionKey,
      justification: z.string().trim().min(1, 'an exemption needs a justification').max(4000),
      /** Last day of the exemption (ISO date); none = until revoked. */
      expiresAt: z.iso.date().optional(),
    }),
    response: exemptionSchema,
    successStatus: 201,
    permissions: ['scorecards.exemption.request'],
  },
  approveExemption: {
    method: 'POST',
    path: '/checks/exemptions/approve',
    body: z.object(exemptionKey),
    response: exemptionSchema,
    permissions: ['scorecards.exemption.approve'],
  },
  revokeExemption: {
    method: 'POST',
    path: '/checks/exemptions/revoke',
    summary: 'Soft revoke: the row stays for the audit trail',
    body: z.object({ ...exemptionKey, reason: z.string().trim().min(1).max(4000) }),
    response: exemptionSchema,
    permissions: ['scorecards.exemption.approve'],
  },
  restoreExemption: {
    method: 'POST',
    path: '/checks/exemptions/restore',
    body: z.object(exemptionKey),
    response: exemptionSchema,
    permissions: ['scorecards.exemption.approve'],
  },
  getHistory: {
    method: 'GET',
    path: '/history',
    summary:
      'State transitions, newest first: of an entity, a check, or both; `since` answers "what changed this week"',
    query: z.object({
      entityRef: entityRefSchema.optional(),
      checkId: definitionIdSchema.optional(),
      trackId: definitionIdSchema.optional(),
      ownerRef: entityRefSchema.optional(),
      since: instant.optional(),
      until: instant.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ transitions: z.array(resultTransitionSchema), totalCount: z.number().int() }),
    permissions: read,
  },
  getChanges: {
    method: 'GET',
    path: '/changes',
    summary: 'What changed since a time: entity/check pairs whose state differs from then',
    query: z.object({
      since: instant,
      checkId: definitionIdSchema.optional(),
      trackId: definitionIdSchema.optional(),
      ownerRef: entityRefSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    response: z.object({
      since: z.string(),
      changes: z.array(
        z.object({
          entityRef: z.string(),
          checkId: z.string(),
          scope: z.string(),
          fromState: z.enum(CHECK_STATES).optional(),
          toState: z.enum(CHECK_STATES),
          at: z.string(),
        }),
      ),
      summary: z.object({ newlyPassing: z.number().int(), newlyFailing: z.number().int() }),
    }),
    permissions: read,
  },
  getTrends: {
    method: 'GET',
    path: '/trends',
    summary: 'Per-day state counts (from the history) of a check, a track, a team or one entity',
    query: z.object({
      checkId: definitionIdSchema.optional(),
      trackId: definitionIdSchema.optional(),
      ownerRef: entityRefSchema.optional(),
      entityRef: entityRefSchema.optional(),
      numberOfDays: z.coerce.number().int().min(1).max(366).default(30),
    }),
    response: z.object({
      days: z.array(z.object({ date: z.string(), counts: stateCountsSchema })),
    }),
    permissions: read,
  },
  getOverview: {
    method: 'GET',
    path: '/overview',
    summary:
      'Tracks × owning teams: entities per level reached (precomputed aggregates; only entities the caller may read)',
    query: z.object({ trackId: definitionIdSchema.optional() }),
    response: z.object({ cells: z.array(trackTeamCellSchema), computedAt: z.string().optional() }),
    permissions: read,
  },
  getTeamGrid: {
    method: 'GET',
    path: '/team-grid',
    summary: 'Every entity a group owns (directly or through its child groups) with its level per track',
    query: z.object({
      groupRef: entityRefSchema,
      trackId: definitionIdSchema.optional(),
      kind: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(2000),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({
      groupRef: z.string(),
      owners: z.array(z.string()),
      rows: z.array(teamGridRowSchema),
      totalCount: z.number().int(),
    }),
    permissions: read,
  },
  getCampaignProgress: {
    method: 'GET',
    path: '/campaigns/:campaignId/progress',
    summary: 'Progress of a campaign per owner, and the daily burn-down towards the target date',
    params: z.object({ campaignId: definitionIdSchema }),
    response: z.object({
      campaignId: z.string(),
      entityCount: z.number().int(),
      completedCount: z.number().int(),
      byOwner: z.array(
        z.object({ ownerRef: z.string(), entityCount: z.number().int(), completedCount: z.number().int() }),
      ),
      burnDown: z.array(z.object({ date: z.string(), remaining: z.number().int() })),
    }),
    permissions: read,
  },
  getAccess: {
    method: 'GET',
    path: '/access',
    summary: 'What the caller may do (the UI shows or hides its actions)',
    access: 'user',
    response: z.object({
      canRead: z.boolean(),
      canEditChecks: z.boolean(),
      canSetManualState: z.boolean(),
      canRequestExemptions: z.boolean(),
      canApproveExemptions: z.boolean(),
    }),
  },
} as const satisfies Record<string, RouteSpec>;
