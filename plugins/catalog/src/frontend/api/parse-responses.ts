import type { Entity } from '@atrium/catalog-model';
import { AtriumError } from '@atrium/errors';
import { catalogErrorCodes } from '../../common/catalog-error-codes.js';
import type {
  AddLocationResponse,
  AnalyzeLocationResponse,
  EntityAncestryResponse,
  EntityFacetCount,
  EntityFacetsResponse,
  QueryEntitiesResponse,
} from './catalog-api.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(endpoint: string, expected: string): AtriumError {
  return new AtriumError(
    catalogErrorCodes.WEB_CATALOG_INVALID_RESPONSE,
    `the catalog answered ${endpoint} with an unexpected body; expected ${expected}. ` +
      'Check that the backend speaks the Backstage catalog API.',
    { details: { endpoint } },
  );
}

// Entities pass through untouched past the envelope check: they are open-ended by design.
function isEntity(value: unknown): value is Entity {
  return isObject(value) && typeof value.kind === 'string' && isObject(value.metadata);
}

function entities(value: unknown, endpoint: string): Entity[] {
  if (!Array.isArray(value) || !value.every(isEntity)) throw invalid(endpoint, 'a list of entities');
  return value;
}

/** Checks the body of `GET /entities/by-query`. */
export function parseQueryEntitiesResponse(body: unknown): QueryEntitiesResponse {
  const endpoint = 'GET /entities/by-query';
  if (!isObject(body)) throw invalid(endpoint, '{ items, totalItems, pageInfo }');
  const pageInfo = isObject(body.pageInfo) ? body.pageInfo : {};
  return {
    items: entities(body.items, endpoint),
    totalItems: typeof body.totalItems === 'number' ? body.totalItems : -1,
    pageInfo: {
      ...(typeof pageInfo.nextCursor === 'string' ? { nextCursor: pageInfo.nextCursor } : {}),
      ...(typeof pageInfo.prevCursor === 'string' ? { prevCursor: pageInfo.prevCursor } : {}),
    },
  };
}

const isFacetCount = (value: unknown): value is EntityFacetCount =>
  isObject(value) && typeof value.value === 'string' && typeof value.count === 'number';

/** Checks the body of `GET /entity-facets`. */
export function parseFacetsResponse(body: unknown): EntityFacetsResponse {
  if (!isObject(body) || !isObject(body.facets)) throw invalid('GET /entity-facets', '{ facets }');
  const facets: Record<string, EntityFacetCount[]> = {};
  for (const [key, counts] of Object.entries(body.facets)) {
    facets[key] = Array.isArray(counts) ? counts.filter(isFacetCount) : [];
  }
  return { facets };
}

/** Checks one entity, e.g. from `GET /entities/by-name/...`. */
export function parseEntity(body: unknown, endpoint: string): Entity {
  if (!isEntity(body)) throw invalid(endpoint, 'an entity');
  return body;
}

/** Checks the body of `POST /entities/by-refs`. */
export function parseByRefsResponse(body: unknown): { items: (Entity | null)[] } {
  const endpoint = 'POST /entities/by-refs';
  if (!isObject(body) || !Array.isArray(body.items)) throw invalid(endpoint, '{ items }');
  return { items: body.items.map((item) => (isEntity(item) ? item : null)) };
}

/** Checks the body of the ancestry endpoint. */
export function parseAncestryResponse(body: unknown): EntityAncestryResponse {
  const endpoint = 'GET /entities/by-name/.../ancestry';
  if (!isObject(body) || !Array.isArray(body.items)) throw invalid(endpoint, '{ rootEntityRef, items }');
  return {
    rootEntityRef: typeof body.rootEntityRef === 'string' ? body.rootEntityRef : '',
    items: body.items.filter(isObject).map((item) => ({
      entity: parseEntity(item.entity, endpoint),
      parentEntityRefs: Array.isArray(item.parentEntityRefs)
        ? item.parentEntityRefs.filter((ref): ref is string => typeof ref === 'string')
        : [],
    })),
  };
}

/** Checks the body of `POST /analyze-location`. */
export function parseAnalyzeResponse(body: unknown): AnalyzeLocationResponse {
  if (!isObject(body)) throw invalid('POST /analyze-location', '{ existingEntityFiles, generateEntities }');
  const files = Array.isArray(body.existingEntityFiles) ? body.existingEntityFiles.filter(isObject) : [];
  const generated = Array.isArray(body.generateEntities) ? body.generateEntities.filter(isObject) : [];
  return {
    existingEntityFiles: files.flatMap((file) =>
      isEntity(file.entity) && isObject(file.location)
        ? [
            {
              entity: file.entity,
              isRegistered: file.isRegistered === true,
              location: { type: String(file.location.type), target: String(file.location.target) },
            },
          ]
        : [],
    ),
    generateEntities: generated.map((item) => ({
      entity: isObject(item.entity) ? (item.entity as Partial<Entity>) : {},
      fields: Array.isArray(item.fields)
        ? item.fields.filter(isObject).map((field) => ({
            field: String(field.field),
            state:
              field.state === 'analysisSuggestedValue' || field.state === 'analysisSuggestedNoValue'
                ? field.state
                : 'needsUserInput',
            value: typeof field.value === 'string' ? field.value : null,
            description: typeof field.description === 'string' ? field.description : '',
          }))
        : [],
    })),
  };
}

/** Checks the body of `POST /locations`. */
export function parseAddLocationResponse(body: unknown): AddLocationResponse {
  const endpoint = 'POST /locations';
  if (!isObject(body) || !isObject(body.location)) throw invalid(endpoint, '{ location, entities }');
  const { location } = body;
  return {
    location: {
      id: String(location.id),
      type: String(location.type),
      target: String(location.target),
      ...(typeof location.entityRef === 'string' ? { entityRef: location.entityRef } : {}),
    },
    entities: Array.isArray(body.entities) ? entities(body.entities, endpoint) : [],
    ...(typeof body.exists === 'boolean' ? { exists: body.exists } : {}),
  };
}
