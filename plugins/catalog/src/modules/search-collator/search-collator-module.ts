import { coreServices, defineModule } from '@atrium/kernel';
import { searchCollatorsPoint } from '@atrium/search/backend';
import { createCatalogCollator, createServiceCatalogClient } from './catalog-collator.js';

/**
 * Adds catalog entities to search (`software-catalog`). List it after the search plugin:
 * `backend.features: ['@atrium/search/backend', '@atrium/catalog/search-collator']`.
 */
export const catalogSearchCollatorModule = defineModule({
  plugin: 'search',
  id: 'catalog-collator',
  description: 'Catalog entities as search documents (software-catalog)',
  deps: { auth: coreServices.auth, discovery: coreServices.discovery },
  extensionPoints: { collators: searchCollatorsPoint },
  init({ deps, extensions }) {
    extensions.collators.add(createCatalogCollator(createServiceCatalogClient(deps)));
  },
});
