export { catalogApi } from './catalog-api.js';
export {
  analyzeLocationBody,
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
  type AnalyzeLocationEntityField,
  type AnalyzeLocationResponse,
  type CatalogLocation,
  DEFAULT_QUERY_LIMIT,
  type EntityAncestryResponse,
  type EntityFacetsResponse,
  type QueryEntitiesResponse,
} from './catalog-types.js';
export type {
  AnyFilterPredicate,
  FilterPredicate,
  FilterPredicateExpression,
  FilterPredicatePrimitive,
  FilterPredicateValue,
} from './filter-predicate.js';
