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
  /** The refs of these entities the caller may read (`catalog.entity.read`, through the catalog as the caller). */
  async function visible(credentials: Credentials, entityRefs: string[]): Promise<Set<string>> {
    const refs = [...new Set(entityRefs)];
    if (refs.length === 0) return new Set();
    const catalog = createCatalogClient(pluginClientOptions(deps, 'catalog', credentials));
    const { items } = await catalog.getEntitiesByRefs({
      body: { entityRefs: refs, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
    });
    return new Set(refs.filter((_, index) => items[index]));
  }
  return {
    allowed,
    visible,
    async require(credentials: Credentials, permission: Permission): Promise<void> {
      if (!(await allowed(credentials, permission)))
        throw new NotAllowedError(`not allowed: permission '${permission.name}' was denied`);
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
