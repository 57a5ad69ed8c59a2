import { resolve } from 'node:path';
import { type FileRoots, globBaseDirectory } from '@atrium/kernel';
import type { CatalogConfig } from '../config/catalog-config.js';

/**
 * The local folders the catalog's trusted config makes readable, declared to the kernel
 * (the one file rule): `catalog.allowedFileRoots`, and the folders of the `file` targets
 * in `catalog.locations` (read by their processing, not registrable through the API).
 *
 * @example
 * catalogFileRoots(catalogConfigSchema.parse({ locations: [{ type: 'file', target: './examples/all.yaml' }] }));
 * // [{ setting: 'catalog.allowedFileRoots', paths: [] }, { setting: 'directories of catalog.locations', paths: ['/srv/atrium/examples'] }]
 */
export function catalogFileRoots(config: CatalogConfig): FileRoots[] {
  const locations = config.locations
    .filter((location) => location.type === 'file')
    .map((location) => globBaseDirectory(resolve(location.target)));
  return [
    { setting: 'catalog.allowedFileRoots', paths: config.allowedFileRoots },
    { setting: 'directories of catalog.locations', paths: [...new Set(locations)] },
  ];
}
