export { searchApi, searchResultSetSchema } from './search-api.js';
export { searchErrorCodes } from './search-error-codes.js';
export { parseSearchQuery, toSearchQueryParams } from './search-query-params.js';
export {
  type IndexableDocument,
  SEARCH_HIGHLIGHT_TAGS,
  SEARCH_LIMITS,
  type SearchQuery,
  type SearchResult,
  type SearchResultSet,
} from './search-types.js';
