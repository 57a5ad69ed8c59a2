import type { SearchQuery } from '../../common/search-types.js';

/** The fields the search page filters by, besides the type. */
export const PAGE_FILTER_FIELDS = ['kind', 'owner', 'lifecycle'] as const;

/**
 * The page's term: `term`, or `query` as Backstage's search page names it, so links and
 * browser shortcuts made for Backstage (`/search?query=...`) land on their results.
 */
export function termOf(params: URLSearchParams): string {
  return params.get('term') ?? params.get('query') ?? '';
}

/** The search request the page's URL (`?term=&type=&kind=&owner=&lifecycle=&cursor=`) asks for. */
export function queryFromParams(params: URLSearchParams, pageLimit: number): SearchQuery {
  const filters: Record<string, string[]> = {};
  for (const field of PAGE_FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filters[field] = [value];
  }
  const type = params.get('type');
  const cursor = params.get('cursor');
  return {
    term: termOf(params),
    ...(type ? { types: [type] } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(cursor ? { pageCursor: cursor } : {}),
    pageLimit,
  };
}

/** The URL params with one changed (empty removes it); any change but paging starts at page one. */
export function withParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === '') next.delete(key);
  else next.set(key, value);
  if (key !== 'cursor') next.delete('cursor');
  if (key === 'term') next.delete('query');
  return next;
}
