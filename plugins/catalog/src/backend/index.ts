import { catalogPlugin } from './plugin.js';

export type { CatalogConfig } from './config/catalog-config.js';
export {
  type CatalogKindContribution,
  catalogKindsPoint,
  catalogProcessorsPoint,
  catalogProvidersPoint,
} from './extensions/catalog-extension-points.js';
export type {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  CatalogProcessorResult,
  EntityRelationSpec,
  LocationSpec,
} from './extensions/catalog-processor.js';
export type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from './extensions/entity-provider.js';
export { processingResult } from './extensions/processing-result.js';
export { parseEntityYaml } from './processing/yaml-entity-parser.js';
export { catalogPlugin };

/** The catalog plugin, for `backend.features: ['@atrium/catalog/backend']`. */
export default catalogPlugin;
