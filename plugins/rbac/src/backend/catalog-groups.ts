import type { AuthService, DiscoveryService } from '@atrium/kernel';
import { buildMembershipGraph, type MembershipGraph } from './group-membership.js';

// Groups only: a user's own groups come in its token (\`ent\`), and there are far fewer
// groups than users to re-read.
const QUERY = 'filter=kind=group&fields=kind,metadata.name,metadata.namespace,relations';

/**
 * Loads the membership graph from the catalog's Group entities (`childOf`), as the rbac
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
