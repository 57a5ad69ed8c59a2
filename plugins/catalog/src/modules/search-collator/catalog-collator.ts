import { type AuthService, type DiscoveryService, pluginClientOptions } from '@atrium/kernel';
import type { SearchCollator } from '@atrium/search/backend';
import { CATALOG_EVENT_TOPICS } from '../../common/catalog-events.js';
import { catalogPermissions } from '../../common/catalog-permissions.js';
import { type CatalogClient, createCatalogClient } from '../../common/create-catalog-client.js';
import { streamEntities } from '../../common/stream-entities.js';
import { entityToDocument } from './entity-document.js';

/** A catalog client that calls with the plugin's own service token (it sees what services see). */
export function createServiceCatalogClient(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
}): CatalogClient {
  return createCatalogClient(pluginClientOptions(deps, 'catalog'));
}

/**
 * The `software-catalog` document type: every entity, read page by page through the
 * catalog's API, kept current by `catalog.entity.upserted` / `.deleted` events, each
 * result checked with `catalog.entity.read` against the entity.
 */
export function createCatalogCollator(client: CatalogClient): SearchCollator {
  return {
    type: 'software-catalog',
    visibilityPermission: catalogPermissions.entityRead,
    async *collate() {
      for await (const entity of streamEntities(client)) yield entityToDocument(entity);
    },
    incremental: {
      topics: [CATALOG_EVENT_TOPICS.entityUpserted, CATALOG_EVENT_TOPICS.entityDeleted],
      async documentsFor(event) {
        const { entityRef } = event.eventPayload as { entityRef: string };
        const { items } = await client.getEntitiesByRefs({ body: { entityRefs: [entityRef] } });
        const entity = items[0];
        return [{ resourceRef: entityRef, documents: entity ? [entityToDocument(entity)] : [] }];
      },
    },
  };
}
