import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';

const queryValue = z.union([z.string(), z.array(z.string())]);

const resultSchema = z.object({
  type: z.string(),
  document: z.looseObject({ title: z.string(), text: z.string(), location: z.string() }),
  highlight: z
    .object({ preTag: z.string(), postTag: z.string(), fields: z.record(z.string(), z.string()) })
    .optional(),
  rank: z.number().optional(),
});

/** The answer of `GET /query`: Backstage's SearchResultSet. */
export const searchResultSetSchema = z.object({
  results: z.array(resultSchema),
  nextPageCursor: z.string().optional(),
  previousPageCursor: z.string().optional(),
  numberOfResults: z.number().optional(),
});

/**
 * The search API at `/api/search`, with Backstage's path, query and answer shape.
 * Query keys are qs-style (`types[0]`, `filters[kind]`), parsed by `parseSearchQuery`.
 *
 * @example
 * const search = createApiClient(searchApi, { baseUrl, fetch });
 * const page = await search.query({ query: toSearchQueryParams({ term: 'payments' }) });
 */
export const searchApi = defineHttpApi({
  title: 'Search',
  routes: {
    query: {
      method: 'GET',
      path: '/query',
      summary: 'One page of results for a term, filtered by type, fields and the caller’s permissions',
      query: z.record(z.string(), queryValue),
      response: searchResultSetSchema,
    },
  },
});
