import { type CatalogLocation, createCatalogClient as createCatalogApiClient } from '@atrium/catalog/common';
import {
  type CompoundEntityRef,
  type Entity,
  isValidEntityName,
  isValidKind,
  isValidNamespace,
} from '@atrium/catalog-model';
import { ResponseError } from '@atrium/errors';
import {
  type AuthService,
  type Credentials,
  type DiscoveryService,
  pluginClientOptions,
} from '@atrium/kernel';

/** Whether a ref could name an entity at all (kind, namespace and name in their formats). */
export function isValidCompoundRef(ref: CompoundEntityRef): boolean {
  return isValidKind(ref.kind) && isValidNamespace(ref.namespace) && isValidEntityName(ref.name);
}

/** The parts of the catalog's REST API (catalog.md §10) the scaffolder uses. */
export interface CatalogClient {
  /** The entity, or `undefined` when it does not exist or the caller may not see it. */
  getEntityByRef(ref: CompoundEntityRef, credentials: Credentials): Promise<Entity | undefined>;
  getEntitiesByRefs(refs: string[], credentials: Credentials): Promise<Array<Entity | null>>;
  addLocation(
    location: { type: string; target: string },
    options: { dryRun?: boolean; credentials: Credentials },
  ): Promise<{ location: CatalogLocation; entities: Entity[]; exists?: boolean }>;
}

/**
 * Creates a client for the catalog plugin (the one the catalog's `/common` derives from its
 * API definition), found through
 * discovery and called with a token on behalf of the caller (so the catalog applies the
 * caller's permissions).
 *
 * @example
 * const catalog = createCatalogClient({ discovery, auth });
 * const template = await catalog.getEntityByRef({ kind: 'template', namespace: 'default', name: 'node' }, credentials);
 */
export function createCatalogClient(deps: { discovery: DiscoveryService; auth: AuthService }): CatalogClient {
  const clientFor = (credentials: Credentials) =>
    createCatalogApiClient(pluginClientOptions(deps, 'catalog', credentials));
  return {
    async getEntityByRef(ref, credentials) {
      // No entity has such a name; asking would only fail on the way (URL encoding, limits).
      if (!isValidCompoundRef(ref)) return undefined;
      try {
        return await clientFor(credentials).getEntityByName({ params: ref });
      } catch (error) {
        if (error instanceof ResponseError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    async getEntitiesByRefs(refs, credentials) {
      if (refs.length === 0) return [];
      return (await clientFor(credentials).getEntitiesByRefs({ body: { entityRefs: refs } })).items;
    },
    addLocation: (location, options) =>
      clientFor(options.credentials).createLocation({
        query: options.dryRun ? { dryRun: 'true' } : {},
        body: location,
      }),
  };
}
