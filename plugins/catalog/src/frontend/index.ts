export { type CatalogApi, catalogApiRef } from './api/catalog-api.js';
export {
  EntityCardBlueprint,
  type EntityCardParams,
  entityCardsInput,
} from './blueprints/entity-card-blueprint.js';
export { EntityProvider, type EntityProviderProps, useEntity } from './blueprints/entity-context.js';
export {
  type EntityFilter,
  type EntityFilterSpec,
  type EntityLike,
  type EntityPredicate,
  entityExtensionData,
  entityFilterSpecSchema,
  toEntityPredicate,
} from './blueprints/entity-filter.js';
export {
  EntityTabBlueprint,
  type EntityTabParams,
  entityTabsInput,
} from './blueprints/entity-tab-blueprint.js';
export { catalogWebPlugin } from './plugin.js';
export {
  type EntityPresentation,
  type EntityPresentationApi,
  entityPresentationApiRef,
} from './presentation/entity-presentation-api.js';
export { useEntityTitle, useEntityTitles } from './presentation/use-entity-presentation.js';
export { catalogSearchWebPlugin } from './search/catalog-search-result.js';
export { createLocalStorageStarredEntities } from './starred/local-storage-starred-entities.js';
export { type StarredEntitiesApi, starredEntitiesApiRef } from './starred/starred-entities-api.js';
