import { type ApiClient, type ApiClientOptions, createApiClient } from '@atrium/http-api';
import { catalogApi } from './catalog-api.js';

// As Backstage's client does: smaller answers that arrive in parallel, well under the
// server's CATALOG_LIMITS.maxEntityRefs.
const refsPerRequest = 1000;

/** A client of the catalog's REST API: one method per route of {@link catalogApi}. */
export type CatalogClient = ApiClient<typeof catalogApi.routes>;

/**
 * Creates a catalog client from the catalog's API definition. The one addition:
 * `getEntitiesByRefs` takes any number of refs, asking 1000 at a time (the server refuses more
 * than `CATALOG_LIMITS.maxEntityRefs` in one request) and answering in request order.
 *
 * @example
 * const catalog = createCatalogClient({ baseUrl: () => discoveryApi.getBaseUrl('catalog'), fetch: fetchApi.fetch });
 * const { items } = await catalog.getEntitiesByRefs({ body: { entityRefs: ['component:default/petstore'] } });
 */
export function createCatalogClient(options: ApiClientOptions): CatalogClient {
  const client = createApiClient(catalogApi, options);
  const getEntitiesByRefs: CatalogClient['getEntitiesByRefs'] = async (args, call) => {
    const { entityRefs, ...rest } = args.body;
    if (entityRefs.length === 0) return { items: [] };
    const batches: string[][] = [];
    for (let start = 0; start < entityRefs.length; start += refsPerRequest) {
      batches.push(entityRefs.slice(start, start + refsPerRequest));
    }
    const pages = await Promise.all(
      batches.map((batch) =>
        client.getEntitiesByRefs({ ...args, body: { ...rest, entityRefs: batch } }, call),
      ),
    );
    return { items: pages.flatMap((page) => page.items) };
  };
  return { ...client, getEntitiesByRefs };
}
