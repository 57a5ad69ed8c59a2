import { defineApiRef } from '@atrium/web-kernel';
import type { CatalogClient } from '../../common/index.js';

/**
 * The catalog's REST API (Backstage-compatible) as the browser uses it: the client derived
 * from `catalogApi`, one method per route. Failed calls reject with a `ResponseError`
 * carrying the server's error name and message.
 */
export type CatalogApi = CatalogClient;

/** Ref of the catalog API; other plugins use it through `useApi(catalogApiRef)`. */
export const catalogApiRef = defineApiRef<CatalogApi>({ id: 'plugin.catalog.service' });
