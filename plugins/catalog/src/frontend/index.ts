export {
  type AddLocationResponse,
  type AnalyzeLocationResponse,
  type CatalogApi,
  type CatalogLocation,
  catalogApiRef,
  type EntityAncestryResponse,
  type EntityFacetCount,
  type EntityFacetsResponse,
  type EntityOrderField,
  type LocationSpec,
  type QueryEntitiesCursorRequest,
  type QueryEntitiesInitialRequest,
  type QueryEntitiesRequest,
  type QueryEntitiesResponse,
} from './api/catalog-api.js';
export { type CatalogClientOptions, createCatalogClient } from './api/catalog-client.js';
export {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
  type EntityFilterSet,
  type EntityFilterValue,
} from './api/filter-query.js';
export { catalogWebPlugin } from './plugin.js';
