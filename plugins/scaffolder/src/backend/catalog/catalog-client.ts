import {
  type CompoundEntityRef,
  type Entity,
  isValidEntityName,
  isValidKind,
  isValidNamespace,
} from '@atrium/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@atrium/errors';
import type { AuthService, Credentials, DiscoveryService } from '@atrium/kernel';

/** A registered location, in the catalog's shape. */
export interface CatalogLocation {
  id: string;
  type: string;
  target: string;
}

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
 * Creates a client for the catalog plugin, found through discovery and called with a
 * token on behalf of the caller (so the catalog applies the caller's permissions).
 */
export function createCatalogClient(deps: { discovery: DiscoveryService; auth: AuthService }): CatalogClient {
  async function call(path: string, credentials: Credentials, init: RequestInit = {}): Promise<Response> {
    const base = await deps.discovery.getBaseUrl('catalog');
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.body) headers['content-type'] = 'application/json';
    try {
      return await fetch(`${base}${path}`, { ...init, headers });
    } catch (error) {
      throw new ServiceUnavailableError(
        `the catalog at ${base} could not be reached: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
  const enc = encodeURIComponent;
  return {
    async getEntityByRef(ref, credentials) {
      // No entity has such a name; asking would only fail on the way (URL encoding, limits).
      if (!isValidCompoundRef(ref)) return undefined;
      const response = await call(
        `/entities/by-name/${enc(ref.kind)}/${enc(ref.namespace)}/${enc(ref.name)}`,
        credentials,
      );
      if (response.status === 404) return undefined;
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return (await response.json()) as Entity;
    },
    async getEntitiesByRefs(refs, credentials) {
      if (refs.length === 0) return [];
      const response = await call('/entities/by-refs', credentials, {
        method: 'POST',
        body: JSON.stringify({ entityRefs: refs }),
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return ((await response.json()) as { items: Array<Entity | null> }).items;
    },
    async addLocation(location, options) {
      const query = options.dryRun ? '?dryRun=true' : '';
      const response = await call(`/locations${query}`, options.credentials, {
        method: 'POST',
        body: JSON.stringify(location),
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return (await response.json()) as { location: CatalogLocation; entities: Entity[]; exists?: boolean };
    },
  };
}
