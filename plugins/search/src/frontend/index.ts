export { DefaultResult as DefaultSearchResult } from './components/default-result.js';
export { HighlightedText } from './components/highlighted-text.js';
export { ResultLink as SearchResultLink } from './components/result-link.js';
export {
  searchApiExtension,
  searchBarAction,
  searchPage,
  searchResultRenderersExtension,
  searchWebPlugin,
} from './plugin.js';
export { type SearchApi, searchApiRef } from './search-api-ref.js';
export {
  type SearchResultRenderer,
  SearchResultRendererBlueprint,
  searchResultRendererData,
} from './search-result-renderer-blueprint.js';
export {
  createSearchResultRenderers,
  type SearchResultRenderers,
  searchResultRenderersApiRef,
} from './search-result-renderers-api.js';
export { useSearch } from './use-search.js';
