import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { techdocsPermissions } from './permissions.js';
import {
  documentedEntitySchema,
  indexablePageSchema,
  siteSchema,
  techdocsMetadataSchema,
} from './techdocs-types.js';

const part = z.string().min(1).max(253);
const entityParams = z.object({ namespace: part, kind: part, name: part });
/** `?version=`: a version other than the default (`latest`), as the site's `versions` list them. */
const versionQuery = z.object({ version: z.string().min(1).max(80).optional() });
const READ = [techdocsPermissions.entityRead.name, 'catalog.entity.read'];

/** Upper bound of one page of `listIndexablePages`. */
export const MAX_INDEXABLE_PAGES = 500;

/**
 * The techdocs plugin's HTTP API at `/api/techdocs`: TechDocs' paths (platform.md §6, note
 * the namespace/kind/name order), plus what Atrium's reader and search need. Every route
 * that names an entity answers 404 for an entity the caller may not read.
 */
export const techdocsApi = defineHttpApi({
  title: 'TechDocs',
  routes: {
    getTechDocsMetadata: {
      method: 'GET',
      path: '/metadata/techdocs/:namespace/:kind/:name',
      summary: "The built site's techdocs_metadata.json; 404 until it was built",
      params: entityParams,
      response: techdocsMetadataSchema,
      query: versionQuery,
      permissions: READ,
    },
    getEntityMetadata: {
      method: 'GET',
      path: '/metadata/entity/:namespace/:kind/:name',
      summary: 'The entity plus locationMetadata (where its docs are read from)',
      params: entityParams,
      response: z.looseObject({ locationMetadata: z.object({ type: z.string(), target: z.string() }) }),
      permissions: READ,
    },
    syncEntity: {
      method: 'GET',
      path: '/sync/:namespace/:kind/:name',
      summary: 'Builds the docs if their source changed: SSE with `log`, `error` and `finish` ({ updated })',
      params: entityParams,
      streaming: true,
      query: versionQuery,
      permissions: READ,
    },
    getStaticFile: {
      method: 'GET',
      path: '/static/docs/:namespace/:kind/:name/*',
      summary: 'A file of the built site: sanitised page HTML, an image, techdocs_metadata.json',
      params: entityParams.extend({ '*': z.string().max(1024) }),
      streaming: true,
      query: versionQuery,
      permissions: READ,
    },
    getSite: {
      method: 'GET',
      path: '/sites/:namespace/:kind/:name',
      summary: "A site's navigation, pages (title, TOC, edit link, text), build status and log",
      params: entityParams,
      response: siteSchema,
      query: versionQuery,
      permissions: READ,
    },
    listDocumentedEntities: {
      method: 'GET',
      path: '/entities',
      summary: 'Entities with built or pending docs that the caller may read',
      response: z.object({ items: z.array(documentedEntitySchema) }),
      permissions: READ,
    },
    listIndexablePages: {
      method: 'GET',
      path: '/collate/pages',
      summary: 'Built pages for the search collator, paged by cursor (service tokens only)',
      access: 'service',
      query: z.object({
        after: z.string().max(2048).optional(),
        limit: z.coerce.number().int().min(1).max(MAX_INDEXABLE_PAGES).default(100),
        /** Only this entity's pages (search re-reads one site after it was built). */
        entityRef: z.string().max(1024).optional(),
      }),
      response: z.object({ items: z.array(indexablePageSchema), nextCursor: z.string().optional() }),
    },
  },
});
