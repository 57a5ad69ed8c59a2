import { createApiClient } from '@atrium/http-api';
import {
  ApiBlueprint,
  coreExtensionData,
  defineApiFactory,
  defineExtension,
  defineWebPlugin,
  discoveryApiRef,
  type ExtensionDefinition,
  fetchApiRef,
  PageBlueprint,
  type WebPlugin,
} from '@atrium/web-kernel';
import { searchApi } from '../common/search-api.js';
import { SearchBarButton } from './modal/search-bar-button.js';
import { searchApiRef } from './search-api-ref.js';
import { searchResultRenderersInput } from './search-result-renderer-blueprint.js';
import { createSearchResultRenderers, searchResultRenderersApiRef } from './search-result-renderers-api.js';

/** `api:search`: the search client, for `useApi(searchApiRef)`. */
export const searchApiExtension: ExtensionDefinition = ApiBlueprint.make({
  params: defineApiFactory({
    api: searchApiRef,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: ({ discoveryApi, fetchApi }) =>
      createApiClient(searchApi, {
        baseUrl: () => discoveryApi.getBaseUrl('search'),
        fetch: (url, init) => fetchApi.fetch(url, init),
      }),
  }),
});

/**
 * `api:search/result-renderers`: input `renderers` takes `SearchResultRendererBlueprint`
 * extensions; the page and the modal both read them through `searchResultRenderersApiRef`.
 */
export const searchResultRenderersExtension: ExtensionDefinition = ApiBlueprint.makeWithInputs({
  name: 'result-renderers',
  inputs: { renderers: searchResultRenderersInput },
  params: ({ inputs }) =>
    defineApiFactory({
      api: searchResultRenderersApiRef,
      deps: {},
      factory: () => createSearchResultRenderers(inputs.renderers.map((r) => r.output.renderer)),
    }),
});

/** `page:search`: the search page at `/search`, showing results with the app's renderers. */
export const searchPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/search',
    loader: () => import('./page/search-page.js').then((m) => <m.SearchPage />),
  },
});

/** `app-bar-action:search`: the search button in the top bar (`/` and Ctrl/Cmd+K open the modal). */
export const searchBarAction: ExtensionDefinition = defineExtension({
  kind: 'app-bar-action',
  namespace: 'search',
  attachTo: { id: 'app/layout', input: 'actions' },
  output: { element: coreExtensionData.reactElement },
  factory: () => ({ element: <SearchBarButton /> }),
});

/**
 * Search's frontend: the top-bar search box with its modal, the search page and the
 * search API client. Plugins add result renderers with `SearchResultRendererBlueprint`.
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, searchWebPlugin] });
 */
export const searchWebPlugin: WebPlugin = defineWebPlugin({
  id: 'search',
  title: 'Search',
  extensions: [searchApiExtension, searchResultRenderersExtension, searchPage, searchBarAction],
});
