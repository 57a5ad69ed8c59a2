import type { Entity } from '@atrium/catalog-model';
import { z } from 'zod';
import { CATALOG_LIMITS, overLimit } from './catalog-limits.js';
import type { FilterPredicate } from './filter-predicate.js';

/**
 * A string the catalog can store and look up: PostgreSQL text cannot hold U+0000, so a
 * NUL anywhere in a parameter is a 400 on both databases instead of a 500 on one.
 */
export const catalogText = () =>
  z.string().refine((value) => !value.includes('\u0000'), 'must not contain the NUL character (U+0000)');

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
export const repeatedParam = z.union([catalogText(), z.array(catalogText())]);

const limitParam = z.coerce.number().int().min(0);

/** Path parameters holding one id (a uid, a location id). */
export const idParam = catalogText();

/** Facet names, as many as `maxFacets`. */
export const facetNames = z
  .array(catalogText())
  .min(1)
  .max(CATALOG_LIMITS.maxFacets, overLimit('too many facets', 'maxFacets'));

/** Path parameters naming an entity, matched case-insensitively. */
export const entityNameParams = z.object({
  kind: catalogText(),
  namespace: catalogText(),
  name: catalogText(),
});

/** Query of `GET /entities`. */
export const getEntitiesQuery = z.object({
  filter: repeatedParam.optional(),
  fields: repeatedParam.optional(),
  order: repeatedParam.optional(),
  offset: limitParam.optional(),
  limit: z.coerce.number().int().min(1).optional(),
  after: catalogText().optional(),
});

/** Query of `GET /entities/by-query`. */
export const queryEntitiesQuery = z.object({
  filter: repeatedParam.optional(),
  fields: repeatedParam.optional(),
  orderField: repeatedParam.optional(),
  fullTextFilterTerm: catalogText().optional(),
  fullTextFilterFields: repeatedParam.optional(),
  limit: limitParam.optional(),
  offset: limitParam.optional(),
  totalItems: z.enum(['include', 'exclude']).optional(),
  cursor: catalogText().optional(),
});

/** A text filter: every whitespace-separated word of `term` is in one of `fields`. */
export const fullTextFilterSchema = z.object({
  term: catalogText().optional(),
  fields: z.array(catalogText()).optional(),
});

/** Body of `POST /entities/by-query`. */
export const queryEntitiesBody = z.object({
  query: predicateSchema.optional(),
  fields: z.array(catalogText()).optional(),
  limit: z.number().int().min(0).optional(),
  offset: z.number().int().min(0).optional(),
  orderBy: z
    .array(z.object({ field: catalogText().min(1), order: z.enum(['asc', 'desc']).default('asc') }))
    .optional(),
  fullTextFilter: fullTextFilterSchema.optional(),
  totalItems: z.enum(['include', 'exclude']).optional(),
  cursor: catalogText().optional(),
});

/** The page shape of the by-query endpoints. */
export const queryEntitiesResponse = z.object({
  items: z.array(entitySchema),
  totalItems: z.number(),
  pageInfo: z.object({ nextCursor: z.string().optional(), prevCursor: z.string().optional() }),
});

/** Body of `POST /entities/by-refs`. */
export const entitiesByRefsBody = z.object({
  entityRefs: z
    .array(catalogText())
    .max(CATALOG_LIMITS.maxEntityRefs, overLimit('too many entity refs', 'maxEntityRefs')),
  fields: z.array(catalogText()).optional(),
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

const locationType = catalogText()
  .min(1)
  .max(CATALOG_LIMITS.maxLocationTypeLength, overLimit('too long', 'maxLocationTypeLength'));
const locationTarget = catalogText()
  .min(1)
  .refine(
    (target) => new TextEncoder().encode(target).length <= CATALOG_LIMITS.maxLocationTargetBytes,
    overLimit('too long (UTF-8 bytes)', 'maxLocationTargetBytes'),
  );

/** A location's `{ type, target }`, as `PUT /locations/:id` takes it. */
export const locationSpecBody = z.strictObject({ type: locationType, target: locationTarget });

/** A location as registered: `{ type, target }` (Backstage also tolerates `presence`). */
export const locationInput = z.strictObject({
  type: locationType,
  target: locationTarget,
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
  catalogFilename: catalogText().optional(),
  catalogFileName: catalogText().optional(),
});

/** Answer of `POST /analyze-location`: descriptors found, or a Component to generate. */
export const analyzeLocationResponse = z.object({
  existingEntityFiles: z.array(
    z.object({
      entity: entitySchema,
      isRegistered: z.boolean(),
      location: z.object({ type: z.string(), target: z.string() }),
    }),
  ),
  generateEntities: z.array(
    z.object({
      entity: z
        .custom<Partial<Entity>>((value) => typeof value === 'object' && value !== null)
        .describe('A partial entity'),
      fields: z.array(
        z.object({
          field: z.string(),
          state: z.enum(['analysisSuggestedValue', 'analysisSuggestedNoValue', 'needsUserInput']),
          value: z.string().nullable(),
          description: z.string(),
        }),
      ),
    }),
  ),
});

/** Body of `POST /refresh`. */
export const refreshBody = z.object({
  entityRef: catalogText().min(1),
  authorizationToken: catalogText().optional(),
});
