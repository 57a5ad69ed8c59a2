import { DefaultSearchResult, SearchResultRendererBlueprint } from '@atrium/search/frontend';
import { defineWebPlugin, type WebPlugin } from '@atrium/web-kernel';

/**
 * The catalog's part of search's UI, a plugin of its own so an app without search has no
 * renderer left without its page: `search-result-renderer:catalog-search/software-catalog`
 * shows entities (title, highlighted description, kind, type, owner, lifecycle).
 *
 * @example
 * createApp({ features: [appPlugin, catalogWebPlugin, searchWebPlugin, catalogSearchWebPlugin] });
 */
export const catalogSearchWebPlugin: WebPlugin = defineWebPlugin({
  id: 'catalog-search',
  extensions: [
    SearchResultRendererBlueprint.make({
      name: 'software-catalog',
      params: { type: 'software-catalog', label: 'Software Catalog', component: DefaultSearchResult },
    }),
  ],
});
