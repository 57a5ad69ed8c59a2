import {
  CATALOG_EVENT_TOPICS,
  type CatalogClient,
  catalogPermissions,
  streamEntities,
} from '@atrium/catalog/common';
import { parseEntityRef } from '@atrium/catalog-model';
import type { SearchCollator } from '@atrium/search/backend';
import { templateToDocument } from './template-document.js';

/** The document type of software templates. */
export const TEMPLATE_DOCUMENT_TYPE = 'software-template';

/**
 * The `software-template` type: every Template entity, read page by page through the
 * catalog's API (`filter=kind=template`), kept current by the catalog's entity events,
 * each result checked with `catalog.entity.read` against the template.
 */
export function createTemplateCollator(client: CatalogClient): SearchCollator {
  return {
    type: TEMPLATE_DOCUMENT_TYPE,
    visibilityPermission: catalogPermissions.entityRead,
    async *collate() {
      for await (const entity of streamEntities(client, { filter: 'kind=template' })) {
        yield templateToDocument(entity);
      }
    },
    incremental: {
      topics: [CATALOG_EVENT_TOPICS.entityUpserted, CATALOG_EVENT_TOPICS.entityDeleted],
      async documentsFor(event) {
        const { entityRef } = event.eventPayload as { entityRef: string };
        // Only templates are this type's; another kind's change leaves it alone.
        if (parseEntityRef(entityRef).kind.toLowerCase() !== 'template') return [];
        const { items } = await client.getEntitiesByRefs({ body: { entityRefs: [entityRef] } });
        const entity = items[0];
        return [{ resourceRef: entityRef, documents: entity ? [templateToDocument(entity)] : [] }];
      },
    },
  };
}
