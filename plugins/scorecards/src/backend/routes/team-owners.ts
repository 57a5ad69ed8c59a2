import { createCatalogClient } from '@atrium/catalog/common';
import { NotFoundError } from '@atrium/errors';
import { type Credentials, pluginClientOptions } from '@atrium/kernel';
import type { RouteDeps } from './route-context.js';

const MAX_DEPTH = 10;

/**
 * A group and every group under it (its `parentOf` relations, transitively), read through
 * the catalog as the caller: the owners whose entities a team page shows.
 */
export async function teamOwners(
  deps: RouteDeps,
  credentials: Credentials,
  groupRef: string,
): Promise<string[]> {
  const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog', credentials));
  const seen = new Set<string>();
  let frontier = [groupRef.toLowerCase()];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const { items } = await catalog.getEntitiesByRefs({
      body: { entityRefs: frontier, fields: ['relations', 'kind', 'metadata.name'] },
    });
    if (depth === 0 && !items[0]) throw new NotFoundError(`no group '${groupRef}'`);
    const next: string[] = [];
    for (const [index, entity] of items.entries()) {
      if (!entity) continue;
      seen.add(frontier[index] as string);
      for (const relation of entity.relations ?? [])
        if (relation.type === 'parentOf' && !seen.has(relation.targetRef)) next.push(relation.targetRef);
    }
    frontier = [...new Set(next)];
  }
  return [...seen];
}
