import { createCatalogClient } from '@atrium/catalog/common';
import { NotAllowedError, NotFoundError } from '@atrium/errors';
import {
  type AuditorService,
  type AuthService,
  type Credentials,
  type DiscoveryService,
  type EventsService,
  type LoggerService,
  type Permission,
  type PermissionsService,
  pluginClientOptions,
  type SchedulerService,
  type UserInfoService,
} from '@atrium/kernel';
import type { createPushedFactValidator } from '../collection/push-facts.js';
import type { FactCollector } from '../collectors/fact-collector.js';
import type { DefinitionRegistry } from '../definitions/definition-registry.js';
import type { ScorecardsStores } from '../evaluation/scorecards-stores.js';
import type { ScorecardsService } from '../scorecards-service.js';
import { type ReadScope, readScope, readsEveryEntity, withReadableOwners } from './read-scope.js';

/** What every route handler needs. */
export interface RouteDeps {
  stores: ScorecardsStores;
  registry: DefinitionRegistry;
  service: ScorecardsService;
  collectors: readonly FactCollector[];
  pushedFacts: ReturnType<typeof createPushedFactValidator>;
  permissions: PermissionsService;
  auditor: AuditorService;
  auth: AuthService;
  discovery: DiscoveryService;
  userInfo: UserInfoService;
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
}

/** Who made a change, as `submittedBy` and audit records show it. */
export function actorOf(credentials: Credentials): string {
  const { principal } = credentials;
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return principal.subject;
  return 'anonymous';
}

/** Permission checks and entity visibility, for the routes. */
export function createAccess(deps: RouteDeps) {
  async function allowed(credentials: Credentials, permission: Permission): Promise<boolean> {
    const [decision] = await deps.permissions.authorize([{ permission }], { credentials });
    return decision?.result === 'ALLOW';
  }
  /** The refs of these entities the catalog shows the caller (`catalog.entity.read` as the caller). */
  async function shownByCatalog(credentials: Credentials, refs: string[]): Promise<Set<string>> {
    const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog', credentials));
    const { items } = await catalog.getEntitiesByRefs({
      body: { entityRefs: refs, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
    });
    return new Set(refs.filter((_, index) => items[index]));
  }
  /**
   * The refs of these entities the caller may read. A caller who may read every entity is
   * answered from the entities scorecards already knows (no catalog round trip: the entity
   * tab stays fast); refs it does not know, and every conditional caller, ask the catalog.
   */
  async function visible(credentials: Credentials, entityRefs: string[]): Promise<Set<string>> {
    const refs = [...new Set(entityRefs)];
    if (refs.length === 0) return new Set();
    if (!(await readsEveryEntity(deps.permissions, credentials))) return shownByCatalog(credentials, refs);
    const known = new Set((await deps.stores.entities.get(refs)).map((entity) => entity.entityRef));
    const unknown = refs.filter((ref) => !known.has(ref));
    if (unknown.length > 0) for (const ref of await shownByCatalog(credentials, unknown)) known.add(ref);
    return known;
  }
  return {
    allowed,
    visible,
    /** Drops owner refs (of checks, tracks, campaigns) the caller may not read. */
    withReadableOwners: <T extends { ownerEntityRef?: string }>(credentials: Credentials, items: T[]) =>
      withReadableOwners(deps.permissions, visible, credentials, items),
    /** Which entities the caller may read, for aggregates and lists over many entities. */
    scope: (credentials: Credentials): Promise<ReadScope> => readScope(deps, credentials),
    async require(credentials: Credentials, permission: Permission): Promise<void> {
      if (!(await allowed(credentials, permission)))
        throw new NotAllowedError(`not allowed: permission '${permission.name}' was denied`);
    },
    /**
     * Refuses pushes and writes about entities the caller may not read with the answer a
     * missing entity gets (the service's "no entity ... in the catalog").
     */
    async requireReadableEntities(credentials: Credentials, entityRefs: string[]): Promise<void> {
      const refs = [...new Set(entityRefs.map((ref) => ref.toLowerCase()))];
      const shown = await visible(credentials, refs);
      const missing = refs.filter((ref) => !shown.has(ref));
      if (missing.length > 0)
        throw new NotFoundError(`no entity ${missing.map((ref) => `'${ref}'`).join(', ')} in the catalog`, {
          details: { entityRefs: missing },
        });
    },
    /** Refuses an entity the caller may not read exactly as a missing one (no existence leak). */
    async requireVisible(credentials: Credentials, entityRef: string): Promise<void> {
      if (!(await visible(credentials, [entityRef])).has(entityRef))
        throw new NotFoundError(`no entity '${entityRef}'`);
    },
  };
}

/** Permission checks for the routes. */
export type Access = ReturnType<typeof createAccess>;
