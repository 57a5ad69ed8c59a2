import type { Entity } from '@atrium/catalog-model';
import { z } from 'zod';
import type { FilterPredicate } from './filter-predicate.js';

/** A served entity (validated by the catalog, not by the HTTP layer). */
export const entitySchema = z
  .custom<Entity>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
  .describe('A catalog entity');

/** A filter predicate object; its grammar is checked by the catalog with precise messages. */
export const predicateSchema = z
  .custom<FilterPredicate>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'must be a filter predicate object, e.g. { "kind": "Component" }',
  })
  .describe('A filter predicate ($all, $any, $not, field expressions)');

/** A query parameter that may be repeated (`a=1&a=2`) or given once. */
export const repeatedParam = z.union([z.string(), z.array(z.string())]);

const limitParam = z.coerce.number().int().min(0);

/** Path parameters naming an entity, matched case-insensitively. */
export const entityNameParams = z.object({ kind: z.string(), namespace: z.string(), name: z.string() });

/** Query of `GET /entities`. */
export const getEntitiesQuery = z.object({
  filter: repeatedParam.optional(),
  fields: repeatedParam.optional(),
  order: repeatedParam.optional(),
  offset: limitParam.optional(),
  limit: z.coerce.number().int().min(1).optional(),
  after: z.string().optional(),
});

/** Query of `GET /entities/by-query`. */
export const queryEntitiesQuery = z.object({
  filter: repeatedParam.optional(),
  fields: repeatedParam.optional(),
  orderField: repeatedParam.optional(),
  fullTextFilterTerm: z.string().optional(),
  fullTextFilterFields: repeatedParam.optional(),
  limit: limitParam.optional(),
  offset: limitParam.optional(),
  totalItems: z.enum(['include', 'exclude']).optional(),
  cursor: z.string().optional(),
});

/** Body of `POST /entities/by-query`. */
export const queryEntitiesBody = z.object({
  query: predicateSchema.optional(),
  fields: z.array(z.string()).optional(),
  limit: z.number().int().min(0).optional(),
  offset: z.number().int().min(0).optional(),
  orderBy: z
    .array(z.object({ field: z.string().min(1), order: z.enum(['asc', 'desc']).default('asc') }))
    .optional(),
  fullTextFilter: z
    .object({ term: z.string().optional(), fields: z.array(z.string()).optional() })
    .optional(),
  totalItems: z.enum(['include', 'exclude']).optional(),
  cursor: z.string().optional(),
});

/** The page shape of the by-query endpoints. */
export const queryEntitiesResponse = z.object({
  items: z.array(entitySchema),
  totalItems: z.number(),
  pageInfo: z.object({ nextCursor: z.string().optional(), prevCursor: z.string().optional() }),
});

/** Body of `POST /entities/by-refs`. */
export const entitiesByRefsBody = z.object({
  entityRefs: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  query: predicateSchema.optional(),
});

/** `GET /entities/by-name/.../ancestry`. */
export const ancestryResponse = z.object({
  rootEntityRef: z.string(),
  items: z.array(z.object({ entity: entitySchema, parentEntityRefs: z.array(z.string()) })),
});

/** `GET|POST /entity-facets`. */
export const facetsResponse = z.object({
  facets: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number() }))),
});

/** A location as registered: `{ type, target }` (Backstage also tolerates `presence`). */
export const locationInput = z.strictObject({
  type: z.string().min(1),
  target: z.string().min(1),
  presence: z.enum(['required', 'optional']).optional(),
});

/** A registered location. */
export const locationSchema = z.object({
  id: z.string(),
  type: z.string(),
  target: z.string(),
  entityRef: z.string(),
});

/** Body of `POST /analyze-location` (both spellings of the file name are accepted). */
export const analyzeLocationBody = z.object({
  location: locationInput,
  catalogFilename: z.string().optional(),
  catalogFileName: z.string().optional(),
});

/** Body of `POST /refresh`. */
export const refreshBody = z.object({
  entityRef: z.string().min(1),
  authorizationToken: z.string().optional(),
});
