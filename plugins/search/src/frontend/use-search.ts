import { useApi } from '@atrium/web-kernel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { toSearchQueryParams } from '../common/search-query-params.js';
import type { SearchQuery, SearchResultSet } from '../common/search-types.js';
import { searchApiRef } from './search-api-ref.js';

/** One page of search results for `query`; disabled while `enabled` is false. */
export function useSearch(query: SearchQuery, enabled = true) {
  const api = useApi(searchApiRef);
  return useQuery({
    queryKey: ['search', query],
    queryFn: async (): Promise<SearchResultSet> =>
      api.query({ query: toSearchQueryParams(query) }) as Promise<SearchResultSet>,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
