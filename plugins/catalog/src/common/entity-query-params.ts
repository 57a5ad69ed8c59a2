import type { RouteRequest } from '@atrium/http-api';
import type { catalogApi } from './catalog-api.js';
import { type EntityFilterQuery, toFilterParams } from './entity-filter-query.js';

/** Sort order of a paged entity query: one field, as the server applies only the first. */
export interface EntityOrderField {
  /** A dotted path such as `metadata.name`; entities without it are left out of the result. */
  field: string;
  order: 'asc' | 'desc';
}

/** A first-page request of `GET /entities/by-query`. */
export interface QueryEntitiesInitialRequest {
  filter?: EntityFilterQuery;
  /** Dotted paths to keep in each returned entity; everything else is pruned by the server. */
  fields?: readonly string[];
  orderField?: EntityOrderField;
  /** Case-insensitive substring match of `term` against the listed fields. */
  fullTextFilter?: { term: string; fields?: readonly string[] };
  limit?: number;
  /** Counting is the slow part of a query; skip it when the total is not shown. */
  totalItems?: 'include' | 'exclude';
}

/** A later page of a query: the cursor carries the filter, order and total of the first. */
export interface QueryEntitiesCursorRequest {
  cursor: string;
  fields?: readonly string[];
  limit?: number;
}

/** Either a first page or a page reached by cursor. */
export type QueryEntitiesRequest = QueryEntitiesInitialRequest | QueryEntitiesCursorRequest;

type ByQueryParams = NonNullable<RouteRequest<(typeof catalogApi.routes)['getEntitiesByQuery']>['query']>;

/**
 * Turns a page request into the query of `GET /entities/by-query` (catalog contract §10):
 * filter sets as repeated `filter`, `orderField=<field>,<order>`, the full-text term trimmed
 * (and left out when blank). A cursor request sends only the cursor, limit and fields: the
 * cursor carries the rest, and the server ignores it when sent again.
 *
 * @example
 * await catalog.getEntitiesByQuery({ query: toEntityQueryParams({ filter: { kind: 'component' }, limit: 20 }) });
 */
export function toEntityQueryParams(request: QueryEntitiesRequest = {}): ByQueryParams {
  const params: ByQueryParams = {};
  if (request.fields?.length) params.fields = request.fields.join(',');
  if (request.limit !== undefined) params.limit = request.limit;
  if ('cursor' in request) return { ...params, cursor: request.cursor };
  const filter = toFilterParams(request.filter);
  if (filter.length > 0) params.filter = filter;
  if (request.orderField) params.orderField = `${request.orderField.field},${request.orderField.order}`;
  const term = request.fullTextFilter?.term.trim();
  if (term) {
    params.fullTextFilterTerm = term;
    const fields = request.fullTextFilter?.fields;
    if (fields?.length) params.fullTextFilterFields = fields.join(',');
  }
  if (request.totalItems) params.totalItems = request.totalItems;
  return params;
}
