import { coreServices, defineModule } from '@atrium/kernel';
import { searchCollatorsPoint } from '@atrium/search/backend';
import { createTechDocsCollator } from './techdocs-collator.js';

/**
 * Adds built docs pages to search (`techdocs`). List it after the search plugin:
 * `backend.features: ['@atrium/search/backend', '@atrium/techdocs/search-collator']`.
 */
export const techdocsSearchCollatorModule = defineModule({
  plugin: 'search',
  id: 'techdocs-collator',
  description: 'Built docs pages as search documents (techdocs)',
  deps: { auth: coreServices.auth, discovery: coreServices.discovery },
  extensionPoints: { collators: searchCollatorsPoint },
  init({ deps, extensions }) {
    extensions.collators.add(createTechDocsCollator(deps));
  },
});
