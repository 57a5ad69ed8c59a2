import {
  ApiBlueprint,
  defineApiFactory,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
  PageBlueprint,
} from '@atrium/web-kernel';
import AddCircleOutline from '@mui/icons-material/AddCircleOutline';
import CategoryOutlined from '@mui/icons-material/CategoryOutlined';
import { createCatalogClient } from '../../common/index.js';
import { catalogApiRef } from '../api/catalog-api.js';
import { entityTabsInput } from '../blueprints/entity-tab-blueprint.js';
import {
  createEntityPresentationApi,
  entityPresentationApiRef,
} from '../presentation/entity-presentation-api.js';
import { createLocalStorageStarredEntities } from '../starred/local-storage-starred-entities.js';
import { starredEntitiesApiRef } from '../starred/starred-entities-api.js';

/** `api:catalog`: the catalog client, available to every plugin through `useApi(catalogApiRef)`. */
export const catalogApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: catalogApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) =>
      createCatalogClient({
        baseUrl: () => discoveryApi.getBaseUrl('catalog'),
        fetch: (url, init) => fetchApi.fetch(url, init),
      }),
  }),
});

/**
 * `api:catalog/entity-presentation`: titles of entities known by ref (owners, relation
 * targets), fetched in batches; `useEntityTitle` reads it.
 */
export const entityPresentationApiExtension: ExtensionDefinition = ApiBlueprint.make({
  name: 'entity-presentation',
  params: defineApiFactory({
    api: entityPresentationApiRef,
    deps: { catalogApi: catalogApiRef },
    factory: ({ catalogApi }) => createEntityPresentationApi(catalogApi),
  }),
});

/**
 * `api:catalog/starred-entities`: the user's starred entities, kept in the browser's
 * localStorage. Disable it and provide another `starredEntitiesApiRef` to keep them elsewhere.
 */
export const starredEntitiesApiExtension: ExtensionDefinition = ApiBlueprint.make({
  name: 'starred-entities',
  params: defineApiFactory({
    api: starredEntitiesApiRef,
    deps: {},
    factory: () => createLocalStorageStarredEntities(),
  }),
});

/** `page:catalog`: the catalog index at `/catalog`, with its navigation entry. */
export const catalogIndexPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/catalog',
    title: 'Catalog',
    icon: CategoryOutlined,
    loader: () => import('../index-page/catalog-index-page.js').then((m) => <m.CatalogIndexPage />),
  },
});

/**
 * `page:catalog/entity`: the entity page at `/catalog/:namespace/:kind/:name`. Its input
 * `tabs` takes `EntityTabBlueprint` extensions from any plugin.
 */
export const catalogEntityPage: ExtensionDefinition = PageBlueprint.makeWithInputs({
  name: 'entity',
  inputs: { tabs: entityTabsInput },
  params: ({ inputs }) => ({
    path: '/catalog/:namespace/:kind/:name',
    loader: () => import('../entity-page/entity-page.js').then((m) => <m.EntityPage tabs={inputs.tabs} />),
  }),
});

/** `page:catalog/import`: "Register an existing component" at `/catalog-import`, in the navigation as Register. */
export const catalogImportPage: ExtensionDefinition = PageBlueprint.make({
  name: 'import',
  params: {
    path: '/catalog-import',
    title: 'Register',
    icon: AddCircleOutline,
    loader: () => import('../import-page/import-page.js').then((m) => <m.ImportPage />),
  },
});
