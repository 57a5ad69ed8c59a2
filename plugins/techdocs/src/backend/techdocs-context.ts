import { createCatalogClient as createCatalogApiClient } from '@atrium/catalog/common';
import { type Entity, parseEntityRef } from '@atrium/catalog-model';
import { ResponseError } from '@atrium/errors';
import {
  type AuthService,
  type Credentials,
  type DiscoveryService,
  type EventsService,
  type LoggerService,
  type PermissionsService,
  pluginClientOptions,
  type UrlReaderService,
} from '@atrium/kernel';
import type { TechDocsConfig } from './config.js';
import type { SiteStore } from './store/site-store.js';

/** The catalog as the techdocs plugin uses it: reads on behalf of a caller (or itself). */
export interface TechDocsCatalog {
  /** The entity, or undefined when it does not exist or `credentials` may not read it. */
  getEntity(entityRef: string, credentials: Credentials): Promise<Entity | undefined>;
  getEntities(entityRefs: string[], credentials: Credentials): Promise<Array<Entity | null>>;
  /** Every entity with a `backstage.io/techdocs-ref` annotation (as this plugin sees them). */
  documentedEntities(): Promise<Entity[]>;
}

/** What routes and the build worker share. */
export interface TechDocsContext {
  config: TechDocsConfig;
  store: SiteStore;
  catalog: TechDocsCatalog;
  auth: AuthService;
  permissions: PermissionsService;
  urlReader: UrlReaderService;
  events: EventsService;
  logger: LoggerService;
  /** Makes a version's build (the default version's when not given) due now and wakes the queue on every backend. */
  requestBuild(entityRef: string, version?: string): Promise<void>;
}

/**
 * A client of the catalog's API (`createCatalogClient` from its `/common`), called with a
 * plugin token on behalf of the caller, so the catalog applies the caller's read permission.
 */
export function createTechDocsCatalog(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): TechDocsCatalog {
  const clientFor = (credentials: Credentials) =>
    createCatalogApiClient(pluginClientOptions(deps, 'catalog', credentials));
  return {
    async getEntity(entityRef, credentials) {
      let params: { kind: string; namespace: string; name: string };
      try {
        params = parseEntityRef(entityRef);
      } catch {
        return undefined;
      }
      try {
        return await clientFor(credentials).getEntityByName({ params });
      } catch (error) {
        if (error instanceof ResponseError && (error.statusCode === 404 || error.statusCode === 400))
          return undefined;
        throw error;
      }
    },
    async getEntities(entityRefs, credentials) {
      if (entityRefs.length === 0) return [];
      return (await clientFor(credentials).getEntitiesByRefs({ body: { entityRefs } })).items;
    },
    async documentedEntities() {
      const credentials = deps.auth.getOwnServiceCredentials();
      return clientFor(credentials).getEntities({
        query: { filter: ['metadata.annotations.backstage.io/techdocs-ref'] },
      });
    },
  };
}
