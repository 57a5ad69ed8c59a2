import type { CompoundEntityRef } from '@atrium/catalog-model';
import { ResponseError } from '@atrium/errors';
import type { DiscoveryApi, FetchApi } from '@atrium/web-kernel';
import type { CatalogApi, QueryEntitiesRequest } from './catalog-api.js';
import { toFilterParams } from './filter-query.js';
import {
  parseAddLocationResponse,
  parseAnalyzeResponse,
  parseAncestryResponse,
  parseByRefsResponse,
  parseEntity,
  parseFacetsResponse,
  parseQueryEntitiesResponse,
} from './parse-responses.js';

/** What {@link createCatalogClient} needs: where the catalog lives and how to call it. */
export interface CatalogClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

// The server accepts up to 1000 refs per by-refs call (catalog contract §10.4).
const refsPerRequest = 1000;

function refPath(ref: CompoundEntityRef): string {
  return [ref.kind, ref.namespace, ref.name].map((part) => encodeURIComponent(part)).join('/');
}

function queryParams(request: QueryEntitiesRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.fields?.length) params.set('fields', request.fields.join(','));
  if (request.limit !== undefined) params.set('limit', String(request.limit));
  if ('cursor' in request) {
    // A cursor carries filter, order and full-text term; sending them again is ignored.
    params.set('cursor', request.cursor);
    return params;
  }
  for (const filter of toFilterParams(request.filter)) params.append('filter', filter);
  if (request.orderField) params.set('orderField', `${request.orderField.field},${request.orderField.order}`);
  const term = request.fullTextFilter?.term.trim();
  if (term) {
    params.set('fullTextFilterTerm', term);
    const fields = request.fullTextFilter?.fields;
    if (fields?.length) params.set('fullTextFilterFields', fields.join(','));
  }
  if (request.totalItems) params.set('totalItems', request.totalItems);
  return params;
}

/**
 * Creates the browser client of the catalog API. Every call goes through the app's
 * fetch API (so it carries the user's token) and fails with a `ResponseError` holding the
 * server's `{ error: { name, message } }`.
 *
 * @example
 * const catalog = createCatalogClient({ discoveryApi, fetchApi });
 * const page = await catalog.queryEntities({ filter: { kind: 'component' }, limit: 20 });
 */
export function createCatalogClient(options: CatalogClientOptions): CatalogApi {
  const { discoveryApi, fetchApi } = options;

  async function call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response> {
    const base = await discoveryApi.getBaseUrl('catalog');
    const { json, ...rest } = init ?? {};
    const response = await fetchApi.fetch(`${base}${path}`, {
      ...rest,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  async function getByRefs(entityRefs: readonly string[], fields?: readonly string[]) {
    const chunks: string[][] = [];
    for (let start = 0; start < entityRefs.length; start += refsPerRequest) {
      chunks.push(entityRefs.slice(start, start + refsPerRequest));
    }
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const response = await call('/entities/by-refs', {
          method: 'POST',
          json: { entityRefs: chunk, ...(fields?.length ? { fields } : {}) },
        });
        return parseByRefsResponse(await response.json()).items;
      }),
    );
    return { items: pages.flat() };
  }

  return {
    async queryEntities(request = {}) {
      const response = await call(`/entities/by-query?${queryParams(request)}`);
      return parseQueryEntitiesResponse(await response.json());
    },
    async getEntityFacets({ facets, filter }) {
      const params = new URLSearchParams();
      for (const facet of facets) params.append('facet', facet);
      for (const value of toFilterParams(filter)) params.append('filter', value);
      const response = await call(`/entity-facets?${params}`);
      return parseFacetsResponse(await response.json());
    },
    async getEntityByRef(ref) {
      if (typeof ref === 'string') {
        // The server parses string refs by the full grammar; by-refs answers null when absent.
        const { items } = await getByRefs([ref]);
        return items[0] ?? undefined;
      }
      try {
        const response = await call(`/entities/by-name/${refPath(ref)}`);
        return parseEntity(await response.json(), 'GET /entities/by-name');
      } catch (error) {
        // A missing entity is an answer, not a failure (as in Backstage's client).
        if (error instanceof ResponseError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    getEntitiesByRefs: ({ entityRefs, fields }) =>
      entityRefs.length === 0 ? Promise.resolve({ items: [] }) : getByRefs(entityRefs, fields),
    async getEntityAncestors(ref) {
      const response = await call(`/entities/by-name/${refPath(ref)}/ancestry`);
      return parseAncestryResponse(await response.json());
    },
    async analyzeLocation({ location, catalogFilename }) {
      const response = await call('/analyze-location', {
        method: 'POST',
        json: { location, ...(catalogFilename ? { catalogFilename } : {}) },
      });
      return parseAnalyzeResponse(await response.json());
    },
    async addLocation({ type, target, dryRun }) {
      const query = dryRun ? '?dryRun=true' : '';
      const response = await call(`/locations${query}`, { method: 'POST', json: { type, target } });
      return parseAddLocationResponse(await response.json());
    },
    async refreshEntity(entityRef) {
      await call('/refresh', { method: 'POST', json: { entityRef } });
    },
    async removeEntityByUid(uid) {
      await call(`/entities/by-uid/${encodeURIComponent(uid)}`, { method: 'DELETE' });
    },
  };
}
