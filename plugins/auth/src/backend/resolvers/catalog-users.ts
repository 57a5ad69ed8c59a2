import { createCatalogClient } from '@atrium/catalog/common';
import { type AuthService, type DiscoveryService, pluginClientOptions } from '@atrium/kernel';

/** The parts of a catalog entity the resolvers read. */
export interface CatalogEntity {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  relations?: Array<{ type: string; targetRef: string }>;
}

/** Catalog look-ups for sign-in: the auth plugin reads Users and Groups as itself. */
export interface CatalogUsers {
  /** Users matching every field of `filter` (at most two: more than one is ambiguous). */
  findUsers(filter: Record<string, string>): Promise<CatalogEntity[]>;
  /** The user's ref and every group it belongs to, through parent groups. */
  ownershipRefs(user: CatalogEntity): Promise<string[]>;
}

/** Parent groups deeper than this are not followed (a cycle or a runaway hierarchy). */
const MAX_GROUP_DEPTH = 20;

/** `kind:namespace/name`, lower case, as entity refs are compared. */
export function entityRef(entity: CatalogEntity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`.toLowerCase();
}

const refsOf = (entity: CatalogEntity, type: string) =>
  (entity.relations ?? []).filter((r) => r.type === type).map((r) => r.targetRef.toLowerCase());

/** Creates the look-ups over the catalog's HTTP API, with the auth plugin's own service token. */
export function createCatalogUsers(deps: { auth: AuthService; discovery: DiscoveryService }): CatalogUsers {
  const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog'));
  return {
    async findUsers(filter) {
      const page = await catalog.queryEntitiesByPredicate({
        body: { query: { kind: 'User', ...filter }, limit: 2 },
      });
      return page.items as unknown as CatalogEntity[];
    },
    async ownershipRefs(user) {
      const refs = new Set([entityRef(user)]);
      let frontier = refsOf(user, 'memberOf').filter((ref) => ref.startsWith('group:'));
      for (let depth = 0; frontier.length > 0 && depth < MAX_GROUP_DEPTH; depth++) {
        const fresh = frontier.filter((ref) => !refs.has(ref));
        for (const ref of fresh) refs.add(ref);
        const { items } = await catalog.getEntitiesByRefs({ body: { entityRefs: fresh } });
        frontier = (items as unknown as Array<CatalogEntity | null>).flatMap((group) =>
          group ? refsOf(group, 'childOf') : [],
        );
      }
      return [...refs];
    },
  };
}
