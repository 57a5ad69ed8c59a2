import { catalogPermissions } from '@atrium/catalog/common';
import { createApiClient } from '@atrium/http-api';
import { type AuthService, type DiscoveryService, pluginClientOptions } from '@atrium/kernel';
import type { SearchCollator } from '@atrium/search/backend';
import {
  type IndexablePage,
  TECHDOCS_EVENT_TOPICS,
  type TechDocsBuiltEvent,
  techdocsApi,
} from '../../common/index.js';

const PAGE_SIZE = 200;

type TechDocsClient = ReturnType<typeof createApiClient<typeof techdocsApi.routes>>;

/** Every built page (of one entity when given), read page by page through the techdocs API. */
async function* builtPages(client: TechDocsClient, entityRef?: string): AsyncIterable<IndexablePage> {
  let after: string | undefined;
  do {
    const { items, nextCursor } = await client.listIndexablePages({
      query: { limit: PAGE_SIZE, ...(after ? { after } : {}), ...(entityRef ? { entityRef } : {}) },
    });
    yield* items;
    after = nextCursor;
  } while (after);
}

/** A page as a search document: text from the built page, readable when its entity is. */
function toDocument(page: IndexablePage) {
  return {
    title: page.title,
    text: page.text,
    location: page.location,
    authorization: page.authorization,
    entityRef: page.entityRef,
    path: page.path,
  };
}

/**
 * The `techdocs` document type: every built docs page, read through the techdocs API with
 * the search plugin's service token, re-read for one entity when its site was built, each
 * result checked with `catalog.entity.read` against the documented entity.
 */
export function createTechDocsCollator(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
}): SearchCollator {
  const client = createApiClient(techdocsApi, pluginClientOptions(deps, 'techdocs'));
  return {
    type: 'techdocs',
    visibilityPermission: catalogPermissions.entityRead,
    async *collate() {
      for await (const page of builtPages(client)) yield toDocument(page);
    },
    incremental: {
      topics: [TECHDOCS_EVENT_TOPICS.siteBuilt],
      async documentsFor(event) {
        const { entityRef } = event.eventPayload as TechDocsBuiltEvent;
        const documents = [];
        for await (const page of builtPages(client, entityRef)) documents.push(toDocument(page));
        return [{ resourceRef: entityRef, documents }];
      },
    },
  };
}
