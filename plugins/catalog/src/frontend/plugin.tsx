import { defineWebPlugin, type WebPlugin } from '@atrium/web-kernel';
import { entityCardExtensions } from './extensions/entity-card-extensions.js';
import {
  apiDefinitionTab,
  dependenciesTab,
  overviewTab,
  rawTab,
} from './extensions/entity-tab-extensions.js';
import {
  catalogApiExtension,
  catalogEntityPage,
  catalogImportPage,
  catalogIndexPage,
  entityPresentationApiExtension,
  starredEntitiesApiExtension,
} from './extensions/page-extensions.js';

/**
 * The catalog's frontend: the catalog index, entity pages with their tabs and cards, the
 * register page, the catalog API client, the entity presentation API (titles by ref) and
 * the starred entities API. Other plugins add tabs to `page:catalog/entity`
 * (input `tabs`) and cards to `entity-tab:catalog/overview` (input `cards`).
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin] });
 */
export const catalogWebPlugin: WebPlugin = defineWebPlugin({
  id: 'catalog',
  title: 'Software Catalog',
  extensions: [
    catalogApiExtension,
    entityPresentationApiExtension,
    starredEntitiesApiExtension,
    catalogIndexPage,
    catalogEntityPage,
    catalogImportPage,
    overviewTab,
    dependenciesTab,
    apiDefinitionTab,
    rawTab,
    ...entityCardExtensions,
  ],
});
