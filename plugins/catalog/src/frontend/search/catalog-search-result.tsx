import { DefaultSearchResult, SearchResultRendererBlueprint } from '@atrium/search/frontend';
import type { ExtensionDefinition } from '@atrium/web-kernel';

/**
 * `search-result-renderer:catalog/software-catalog`: catalog entities on the search page
 * (title, highlighted description, kind, type, owner and lifecycle).
 */
export const catalogSearchResultRenderer: ExtensionDefinition = SearchResultRendererBlueprint.make({
  name: 'software-catalog',
  params: { type: 'software-catalog', label: 'Software Catalog', component: DefaultSearchResult },
});
