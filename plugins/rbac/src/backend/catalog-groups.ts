import { createCatalogClient } from '@atrium/catalog/common';
import { type AuthService, type DiscoveryService, pluginClientOptions } from '@atrium/kernel';
import { buildMembershipGraph, type MembershipGraph } from './group-membership.js';

// Groups only: a user's own groups come in its token (`ent`), and there are far fewer
// groups than users to re-read.
const GROUPS = { filter: 'kind=group', fields: 'kind,metadata.name,metadata.namespace,relations' };

/**
 * Loads the membership graph from the catalog's Group entities (`childOf`), as the rbac
 * plugin (a service token, so the read is not itself subject to a user's roles).
 */
export function createCatalogGroupLoader(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
}): () => Promise<MembershipGraph> {
  const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog'));
  return async () => {
    const groups = await catalog.getEntities({ query: GROUPS });
    return buildMembershipGraph(groups);
  };
}
