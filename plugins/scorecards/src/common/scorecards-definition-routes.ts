import type { RouteSpec } from '@atrium/http-api';
import { z } from 'zod';
import {
  campaignInputSchema,
  campaignSchema,
  checkInputSchema,
  checkSchema,
  definitionIdSchema,
  trackInputSchema,
  trackSchema,
} from './scorecards-definition-schemas.js';
import { entityRefSchema } from './scorecards-result-schemas.js';

const read = ['scorecards.read'] as const;
const edit = ['scorecards.check.edit'] as const;
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? undefined : [value].flat().flatMap((id) => id.split(','))));

/** The routes that read and edit definitions: checks, tracks, campaigns. */
export const definitionRoutes = {
  listChecks: {
    method: 'GET',
    path: '/checks',
    summary: 'Checks, optionally only the given ids or those applying to an entity',
    query: z.object({ checks: ids, entityRef: entityRefSchema.optional() }),
    response: z.object({ checks: z.array(checkSchema) }),
    permissions: read,
  },
  getCheck: {
    method: 'GET',
    path: '/checks/:checkId',
    params: z.object({ checkId: definitionIdSchema }),
    response: checkSchema,
    permissions: read,
  },
  createCheck: {
    method: 'POST',
    path: '/checks',
    summary: 'Create a UI-sourced check; refused when the id exists',
    body: checkInputSchema,
    response: checkSchema,
    successStatus: 201,
    permissions: edit,
  },
  updateCheck: {
    method: 'PUT',
    path: '/checks/:checkId',
    summary: 'Update a UI-sourced check (config and file checks are read-only)',
    params: z.object({ checkId: definitionIdSchema }),
    body: checkInputSchema,
    response: checkSchema,
    permissions: edit,
  },
  deleteCheck: {
    method: 'DELETE',
    path: '/checks/:checkId',
    summary: 'Delete a UI-sourced check that no track or campaign uses',
    params: z.object({ checkId: definitionIdSchema }),
    successStatus: 204,
    permissions: edit,
  },
  listTracks: {
    method: 'GET',
    path: '/tracks',
    summary: 'Tracks, optionally only the given ids or those applying to an entity',
    query: z.object({ tracks: ids, entityRef: entityRefSchema.optional() }),
    response: z.object({ tracks: z.array(trackSchema) }),
    permissions: read,
  },
  getTrack: {
    method: 'GET',
    path: '/tracks/:trackId',
    params: z.object({ trackId: definitionIdSchema }),
    response: trackSchema,
    permissions: read,
  },
  createTrack: {
    method: 'POST',
    path: '/tracks',
    summary: 'Create a UI-sourced track; its checks must exist and its levels must not form a cycle',
    body: trackInputSchema,
    response: trackSchema,
    successStatus: 201,
    permissions: edit,
  },
  updateTrack: {
    method: 'PUT',
    path: '/tracks/:trackId',
    params: z.object({ trackId: definitionIdSchema }),
    body: trackInputSchema,
    response: trackSchema,
    permissions: edit,
  },
  deleteTrack: {
    method: 'DELETE',
    path: '/tracks/:trackId',
    params: z.object({ trackId: definitionIdSchema }),
    successStatus: 204,
    permissions: edit,
  },
  listCampaigns: {
    method: 'GET',
    path: '/campaigns',
    query: z.object({
      campaigns: ids,
      entityRef: entityRefSchema.optional(),
      includeArchived: z.stringbool().default(false),
    }),
    response: z.object({ campaigns: z.array(campaignSchema) }),
    permissions: read,
  },
  getCampaign: {
    method: 'GET',
    path: '/campaigns/:campaignId',
    params: z.object({ campaignId: definitionIdSchema }),
    response: campaignSchema,
    permissions: read,
  },
  createCampaign: {
    method: 'POST',
    path: '/campaigns',
    body: campaignInputSchema,
    response: campaignSchema,
    successStatus: 201,
    permissions: edit,
  },
  updateCampaign: {
    method: 'PUT',
    path: '/campaigns/:campaignId',
    params: z.object({ campaignId: definitionIdSchema }),
    body: campaignInputSchema,
    response: campaignSchema,
    permissions: edit,
  },
  exportDefinitions: {
    method: 'GET',
    path: '/export',
    summary: 'Definitions as YAML (all, or the given kind and ids), for a file in git',
    query: z.object({
      kind: z.enum(['check', 'track', 'campaign']).optional(),
      ids,
    }),
    response: z.object({ yaml: z.string() }),
    permissions: read,
  },
} as const satisfies Record<string, RouteSpec>;
