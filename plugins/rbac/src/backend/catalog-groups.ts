import type { AuthService, DiscoveryService } from '@atrium/kernel';
import { buildMembershipGraph, type MembershipGraph } from './group-membership.js';

const QUERY = 'filter=kind=group&filter=kind=user&fields=kind,metadata.name,metadata.namespace,relations';

/**
 * Loads the membership graph from the catalog's User and Group entities, as the rbac
 * plugin (a service token, so the read is not itself subject to a user's roles).
 */
export function createCatalogGroupLoader(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
}): () => Promise<MembershipGraph> {
  return async () => {
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const base = await deps.discovery.getBaseUrl('catalog');
    const response = await fetch(`${base}/entities?${QUERY}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${base}/entities answered ${response.status}`);
    return buildMembershipGraph((await response.json()) as Parameters<typeof buildMembershipGraph>[0]);
  };
}
