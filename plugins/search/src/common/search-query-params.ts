import { InputError } from '@atrium/errors';
import { SEARCH_LIMITS, type SearchQuery } from './search-types.js';

type RawQuery = Record<string, string | string[] | undefined>;

const typeKey = /^types(?:\[\d*\])?$/;
const filterKey = /^filters\[([A-Za-z][A-Za-z0-9_.-]{0,63})\](?:\[\d*\])?$/;
const pageLimitPattern = /^\d{1,4}$/;

function valuesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

function parsePageLimit(raw: string | string[] | undefined): number | undefined {
  const [value] = valuesOf(raw);
  if (value === undefined) return undefined;
  const limit = pageLimitPattern.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= SEARCH_LIMITS.maxPageLimit)) {
    throw new InputError(
      `query 'pageLimit' must be a whole number from 1 to ${SEARCH_LIMITS.maxPageLimit}, got '${value.slice(0, 20)}'`,
    );
  }
  return limit;
}

function parseTerm(raw: string | string[] | undefined): string {
  const values = valuesOf(raw);
  if (values.length > 1) throw new InputError(`query 'term' must be given once, got ${values.length} values`);
  const term = values[0] ?? '';
  if (term.length > SEARCH_LIMITS.maxTermLength) {
    throw new InputError(
      `query 'term' is ${term.length} characters long; at most ${SEARCH_LIMITS.maxTermLength} are searched`,
    );
  }
  if (term.includes('\u0000'))
    throw new InputError(`query 'term' must not contain the NUL character (U+0000)`);
  return term;
}

function addFilter(filters: Record<string, string[]>, field: string, values: string[]) {
  if (!(field in filters) && Object.keys(filters).length >= SEARCH_LIMITS.maxFilters) {
    throw new InputError(`at most ${SEARCH_LIMITS.maxFilters} 'filters[...]' fields are accepted`);
  }
  filters[field] = [...(filters[field] ?? []), ...values];
}

/**
 * Parses Backstage's qs-style search query (`term`, `types[0]`, `filters[kind]`,
 * `pageCursor`, `pageLimit`), refusing what it cannot search with an `InputError` that
 * names the parameter.
 *
 * @example
 * parseSearchQuery({ term: 'web', 'types[0]': 'software-catalog', 'filters[kind]': 'Component' });
 */
export function parseSearchQuery(raw: RawQuery): SearchQuery {
  const types: string[] = [];
  const filters: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (['term', 'pageCursor', 'pageLimit'].includes(key)) continue;
    const filter = filterKey.exec(key);
    if (typeKey.test(key)) types.push(...valuesOf(value));
    else if (filter?.[1]) addFilter(filters, filter[1], valuesOf(value));
    else
      throw new InputError(
        `query parameter '${key.slice(0, 80)}' is not known; use term, types[N], filters[<field>], pageCursor or pageLimit`,
      );
  }
  const [pageCursor] = valuesOf(raw.pageCursor);
  return {
    term: parseTerm(raw.term),
    ...(types.length > 0 ? { types } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(pageCursor ? { pageCursor } : {}),
    ...(raw.pageLimit !== undefined ? { pageLimit: parsePageLimit(raw.pageLimit) } : {}),
  };
}

/**
 * The query-string form of a search request, for clients (`types[0]`, `filters[kind]`).
 *
 * @example
 * const query = toSearchQueryParams({ term: 'web', types: ['software-catalog'] });
 */
export function toSearchQueryParams(query: SearchQuery): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = { term: query.term };
  query.types?.forEach((type, index) => {
    params[`types[${index}]`] = type;
  });
  for (const [field, values] of Object.entries(query.filters ?? {})) params[`filters[${field}]`] = values;
  if (query.pageCursor) params.pageCursor = query.pageCursor;
  if (query.pageLimit) params.pageLimit = String(query.pageLimit);
  return params;
}
