import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import {
  analyzeLocationBody,
  analyzeLocationResponse,
  ancestryResponse,
  catalogText,
  entitiesByRefsBody,
  entityNameParams,
  entitySchema,
  facetNames,
  facetsResponse,
  fullTextFilterSchema,
  getEntitiesQuery,
  idParam,
  locationInput,
  locationSchema,
  locationSpecBody,
  predicateSchema,
  queryEntitiesBody,
  queryEntitiesQuery,
  queryEntitiesResponse,
  refreshBody,
  repeatedParam,
} from './catalog-api-schemas.js';

const P = {
  entityRead: ['catalog.entity.read'],
  locationRead: ['catalog.location.read'],
} as const;
// Backstage accepts large batch and predicate bodies; 1 MiB (the kernel default) is too small for them.
const LARGE_BODY = 10 * 1024 * 1024;

/**
 * The catalog's REST API at `/api/catalog`, the same paths, parameters and shapes as
 * Backstage's catalog backend (see the catalog reference contract). Routes marked
 * `streaming` write pre-serialized JSON themselves, so their bodies are never re-encoded.
 *
 * @example
 * const catalog = createApiClient(catalogApi, { baseUrl: 'http://localhost:7007/api/catalog', fetch });
 * const page = await catalog.getEntitiesByQuery({ query: { filter: 'kind=component', limit: 20 } });
 */
export const catalogApi = defineHttpApi({
  title: 'Catalog',
  routes: {
    getEntities: {
      method: 'GET',
      path: '/entities',
      summary: 'All entities matching the filters; one page when offset, limit or after is given',
      query: getEntitiesQuery,
      response: z.array(entitySchema),
      streaming: true,
      permissions: P.entityRead,
    },
    getEntitiesByQuery: {
      method: 'GET',
      path: '/entities/by-query',
      summary: 'One page of entities, cursor-paginated',
      query: queryEntitiesQuery,
      response: queryEntitiesResponse,
      streaming: true,
      permissions: P.entityRead,
    },
    queryEntitiesByPredicate: {
      method: 'POST',
      path: '/entities/by-query',
      summary: 'One page of entities matching a predicate',
      body: queryEntitiesBody,
      response: queryEntitiesResponse,
      streaming: true,
      bodyLimit: LARGE_BODY,
      permissions: P.entityRead,
    },
    getEntityByUid: {
      method: 'GET',
      path: '/entities/by-uid/:uid',
      params: z.object({ uid: idParam }),
      response: entitySchema,
      streaming: true,
      permissions: P.entityRead,
    },
    deleteEntityByUid: {
      method: 'DELETE',
      path: '/entities/by-uid/:uid',
      params: z.object({ uid: idParam }),
      successStatus: 204,
      permissions: ['catalog.entity.delete'],
    },
    getEntityByName: {
      method: 'GET',
      path: '/entities/by-name/:kind/:namespace/:name',
      params: entityNameParams,
      response: entitySchema,
      streaming: true,
      permissions: P.entityRead,
    },
    getEntityAncestryByName: {
      method: 'GET',
      path: '/entities/by-name/:kind/:namespace/:name/ancestry',
      params: entityNameParams,
      response: ancestryResponse,
      permissions: P.entityRead,
    },
    getEntitiesByRefs: {
      method: 'POST',
      path: '/entities/by-refs',
      summary: 'Entities by ref, in request order, null where missing or not visible',
      query: z.object({ filter: repeatedParam.optional() }),
      body: entitiesByRefsBody,
      response: z.object({ items: z.array(entitySchema.nullable()) }),
      streaming: true,
      bodyLimit: LARGE_BODY,
      permissions: P.entityRead,
    },
    getEntityFacets: {
      method: 'GET',
      path: '/entity-facets',
      // The full-text parameters are Atrium's (by-query's names): counts that match the rows.
      query: z.object({
        facet: repeatedParam,
        filter: repeatedParam.optional(),
        fullTextFilterTerm: catalogText().optional(),
        fullTextFilterFields: repeatedParam.optional(),
      }),
      response: facetsResponse,
      permissions: P.entityRead,
    },
    queryEntityFacetsByPredicate: {
      method: 'POST',
      path: '/entity-facets',
      body: z.object({
        facets: facetNames,
        query: predicateSchema.optional(),
        fullTextFilter: fullTextFilterSchema.optional(),
      }),
      response: facetsResponse,
      bodyLimit: LARGE_BODY,
      permissions: P.entityRead,
    },
    refreshEntity: {
      method: 'POST',
      path: '/refresh',
      summary: 'Schedule an entity and its location ancestors for immediate processing',
      body: refreshBody,
      successStatus: 200,
      permissions: ['catalog.entity.refresh'],
    },
    validateEntity: {
      method: 'POST',
      path: '/validate-entity',
      summary: 'Run the processing pipeline on an entity without storing it; 400 { errors } when invalid',
      body: z.unknown(),
      successStatus: 200,
      bodyLimit: LARGE_BODY,
      permissions: ['catalog.entity.validate'],
    },
    analyzeLocation: {
      method: 'POST',
      path: '/analyze-location',
      body: analyzeLocationBody,
      response: analyzeLocationResponse,
      permissions: ['catalog.location.analyze'],
    },
    createLocation: {
      method: 'POST',
      path: '/locations',
      query: z.object({
        dryRun: z.enum(['true', 'false']).optional(),
        onConflict: z.enum(['reject', 'refresh']).optional(),
      }),
      body: locationInput,
      successStatus: 201,
      response: z.object({
        location: locationSchema,
        entities: z.array(entitySchema),
        exists: z.boolean().optional(),
      }),
      permissions: ['catalog.location.create'],
    },
    getLocations: {
      method: 'GET',
      path: '/locations',
      response: z.array(z.object({ data: locationSchema })),
      permissions: P.locationRead,
    },
    getLocationsByQuery: {
      method: 'POST',
      path: '/locations/by-query',
      body: z.object({
        limit: z.number().int().min(0).optional(),
        cursor: catalogText().optional(),
        query: predicateSchema.optional(),
      }),
      response: z.object({
        items: z.array(locationSchema),
        totalItems: z.number(),
        pageInfo: z.object({ nextCursor: z.string().optional() }),
      }),
      permissions: P.locationRead,
    },
    getLocation: {
      method: 'GET',
      path: '/locations/:id',
      params: z.object({ id: idParam }),
      response: locationSchema,
      permissions: P.locationRead,
    },
    updateLocation: {
      method: 'PUT',
      path: '/locations/:id',
      params: z.object({ id: idParam }),
      body: locationSpecBody,
      response: locationSchema,
      permissions: ['catalog.location.create', 'catalog.location.delete'],
    },
    deleteLocation: {
      method: 'DELETE',
      path: '/locations/:id',
      params: z.object({ id: idParam }),
      successStatus: 204,
      permissions: ['catalog.location.delete'],
    },
    getLocationByEntity: {
      method: 'GET',
      path: '/locations/by-entity/:kind/:namespace/:name',
      params: entityNameParams,
      response: locationSchema,
      permissions: P.locationRead,
    },
  },
});
