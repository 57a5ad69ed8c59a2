import {
  ApiBlueprint,
  defineApiFactory,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
} from '@atrium/web-kernel';
import { catalogLookupApiRef, createCatalogLookup } from '../api/catalog-lookup-api.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { createScaffolderClient } from '../api/scaffolder-client.js';

/** `api:scaffolder`: the scaffolder REST client (`useApi(scaffolderApiRef)`). */
export const scaffolderApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: scaffolderApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => createScaffolderClient({ discoveryApi, fetchApi }),
  }),
});

/** `api:scaffolder/catalog-lookup`: the catalog reads of the gallery and the entity pickers. */
export const catalogLookupApiExtension: ExtensionDefinition = ApiBlueprint.make({
  name: 'catalog-lookup',
  params: defineApiFactory({
    api: catalogLookupApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) => createCatalogLookup({ discoveryApi, fetchApi }),
  }),
});
