export { catalogApi } from './catalog-api.js';
export {
  analyzeLocationBody,
  analyzeLocationResponse,
  entitySchema,
  locationInput,
  locationSchema,
  predicateSchema,
  queryEntitiesBody,
  queryEntitiesQuery,
  queryEntitiesResponse,
} from './catalog-api-schemas.js';
export { type CatalogErrorCode, catalogErrorCodes } from './catalog-error-codes.js';
export {
  CATALOG_EVENT_TOPICS,
  type CatalogConflictEvent,
  type CatalogEntityDeletedEvent,
  type CatalogEntityUpsertedEvent,
} from './catalog-events.js';
export { CATALOG_LIMITS } from './catalog-limits.js';
export {
  CATALOG_PERMISSION_RULES,
  catalogPermissionList,
  catalogPermissions,
  RESOURCE_TYPE_CATALOG_ENTITY,
} from './catalog-permissions.js';
export {
  type AddLocationResponse,
  type AnalyzeLocationEntityField,
  type AnalyzeLocationResponse,
  type CatalogLocation,
  DEFAULT_QUERY_LIMIT,
  type EntityAncestryResponse,
  type EntityFacetCount,
  type EntityFacetsResponse,
  type QueryEntitiesResponse,
} from './catalog-types.js';
export { type CatalogClient, createCatalogClient } from './create-catalog-client.js';
export {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
  type EntityFilterSet,
  type EntityFilterValue,
  toFilterParams,
} from './entity-filter-query.js';
export {
  type EntityOrderField,
  type QueryEntitiesCursorRequest,
  type QueryEntitiesInitialRequest,
  type QueryEntitiesRequest,
  toEntityQueryParams,
} from './entity-query-params.js';
export type {
  AnyFilterPredicate,
  FilterPredicate,
  FilterPredicateExpression,
  FilterPredicatePrimitive,
  FilterPredicateValue,
} from './filter-predicate.js';
export { streamEntities } from './stream-entities.js';
