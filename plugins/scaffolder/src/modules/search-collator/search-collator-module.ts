import { createCatalogClient } from '@atrium/catalog/common';
import { coreServices, defineModule, pluginClientOptions } from '@atrium/kernel';
import { searchCollatorsPoint } from '@atrium/search/backend';
import { createTemplateCollator } from './template-collator.js';

/**
 * Adds software templates to search (`software-template`). List it after the search plugin:
 * `backend.features: ['@atrium/search/backend', '@atrium/scaffolder/search-collator']`.
 */
export const templateSearchCollatorModule = defineModule({
  plugin: 'search',
  id: 'template-collator',
  description: 'Software templates as search documents (software-template)',
  deps: { auth: coreServices.auth, discovery: coreServices.discovery },
  extensionPoints: { collators: searchCollatorsPoint },
  init({ deps, extensions }) {
    extensions.collators.add(
      createTemplateCollator(createCatalogClient(pluginClientOptions(deps, 'catalog'))),
    );
  },
});
