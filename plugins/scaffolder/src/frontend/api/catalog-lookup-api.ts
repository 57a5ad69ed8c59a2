import type { Entity } from '@atrium/catalog-model';
import { ResponseError } from '@atrium/errors';
import { type DiscoveryApi, defineApiRef, type FetchApi } from '@atrium/web-kernel';

/** Catalog filter as templates write it (`ui:options.catalogFilter`): one object or a list (ORed). */
export type CatalogFilter = Record<string, string | string[] | { exists: true } | boolean | number>;

/** A query of {@link CatalogLookupApi.queryEntities}. */
export interface EntityQuery {
  /** Filter sets, ORed; the conditions inside one set are ANDed. */
  filter?: CatalogFilter | CatalogFilter[];
  /** Case-insensitive substring of these fields. */
  text?: { term: string; fields: string[] };
  fields?: string[];
  orderField?: string;
  limit?: number;
}

/** Response of {@link CatalogLookupApi.getFacets}: value counts per field. */
export type FacetCounts = Record<string, { value: string; count: number }[]>;

/** The few catalog reads the template pages and pickers need (`/api/catalog`). */
export interface CatalogLookupApi {
  queryEntities(query: EntityQuery): Promise<{ items: Entity[]; totalItems: number }>;
  getFacets(facets: string[], filter?: CatalogFilter): Promise<FacetCounts>;
  /** `undefined` when the entity does not exist. */
  getEntity(ref: { kind: string; namespace: string; name: string }): Promise<Entity | undefined>;
}

/** Ref of the scaffolder's catalog reader. */
export const catalogLookupApiRef = defineApiRef<CatalogLookupApi>({ id: 'scaffolder.catalog-lookup' });

/**
 * Turns filter objects into `filter` query parameters: `{ kind: ['Group', 'User'] }`
 * becomes `kind=Group,kind=User` (the same key repeated inside a set is ORed), and
 * `{ exists: true }` becomes a bare key.
 *
 * @example
 * toFilterParams({ kind: 'Template', 'spec.type': 'service' }); // ['kind=Template,spec.type=service']
 */
export function toFilterParams(filter: CatalogFilter | CatalogFilter[] | undefined): string[] {
  const sets = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  return sets.map((set) =>
    Object.entries(set)
      .flatMap(([key, value]) => {
        if (typeof value === 'object' && !Array.isArray(value)) return [key];
        return [value].flat().map((item) => `${key}=${String(item)}`);
      })
      .join(','),
  );
}

/**
 * Creates the catalog reader over the app's fetch.
 *
 * @example
 * const catalog = createCatalogLookup({ discoveryApi, fetchApi });
 * await catalog.queryEntities({ filter: { kind: 'Template' } });
 */
export function createCatalogLookup(options: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): CatalogLookupApi {
  async function get<T>(path: string, params: URLSearchParams): Promise<T | undefined> {
    const base = await options.discoveryApi.getBaseUrl('catalog');
    const response = await options.fetchApi.fetch(`${base}${path}?${params}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
  return {
    async queryEntities(query) {
      const params = new URLSearchParams();
      for (const filter of toFilterParams(query.filter)) params.append('filter', filter);
      if (query.text?.term.trim()) {
        params.set('fullTextFilterTerm', query.text.term.trim());
        params.set('fullTextFilterFields', query.text.fields.join(','));
      }
      if (query.fields) params.set('fields', query.fields.join(','));
      if (query.orderField) params.set('orderField', `${query.orderField},asc`);
      params.set('limit', String(query.limit ?? 100));
      const body = await get<{ items: Entity[]; totalItems: number }>('/entities/by-query', params);
      return body ?? { items: [], totalItems: 0 };
    },
    async getFacets(facets, filter) {
      const params = new URLSearchParams();
      for (const facet of facets) params.append('facet', facet);
      for (const set of toFilterParams(filter)) params.append('filter', set);
      return (await get<{ facets: FacetCounts }>('/entity-facets', params))?.facets ?? {};
    },
    getEntity: ({ kind, namespace, name }) =>
      get<Entity>(
        `/entities/by-name/${[kind, namespace, name].map(encodeURIComponent).join('/')}`,
        new URLSearchParams(),
      ),
  };
}
