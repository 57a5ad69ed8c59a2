import { type ApiClient, createApiClient } from '@atrium/http-api';
import { type DiscoveryApi, defineApiRef, type FetchApi } from '@atrium/web-kernel';
import { rbacApi } from '../../common/index.js';

/** The RBAC API as the browser uses it: one method per route of `rbacApi`, plus catalog members for the picker. */
export type RbacClient = ApiClient<(typeof rbacApi)['routes']> & {
  /** User and group refs from the catalog, for the members picker. */
  listMemberCandidates(): Promise<string[]>;
};

/** Ref of the RBAC client (`useApi(rbacApiRef)`). */
export const rbacApiRef = defineApiRef<RbacClient>({ id: 'plugin.rbac.client' });

type CandidateEntity = { kind: string; metadata: { name: string; namespace?: string } };

/**
 * Creates the client.
 *
 * @example
 * const client = createRbacClient({ discoveryApi, fetchApi });
 * const { canRead } = await client.getAccess({});
 */
export function createRbacClient({
  discoveryApi,
  fetchApi,
}: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): RbacClient {
  const client = createApiClient(rbacApi, {
    baseUrl: () => discoveryApi.getBaseUrl('rbac'),
    fetch: fetchApi.fetch,
  });
  return {
    ...client,
    async listMemberCandidates() {
      const base = await discoveryApi.getBaseUrl('catalog');
      const query =
        'filter=kind=user&filter=kind=group&fields=kind,metadata.name,metadata.namespace&limit=1000';
      const response = await fetchApi.fetch(`${base}/entities/by-query?${query}`);
      if (!response.ok) return [];
      const { items } = (await response.json()) as { items: CandidateEntity[] };
      return items
        .map((e) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase())
        .sort();
    },
  };
}
