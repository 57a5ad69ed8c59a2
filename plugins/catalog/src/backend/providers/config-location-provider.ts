import { resolve } from 'node:path';
import type { CatalogConfig } from '../config/catalog-config.js';
import type { EntityProvider } from '../extensions/entity-provider.js';
import { locationToEntity } from '../processing/collect-children.js';

/** The name of the provider that feeds `catalog.locations`. */
const CONFIG_LOCATION_PROVIDER = 'ConfigLocationProvider';

/** A config location's target as stored: `file` targets resolved against the working directory. */
export function resolveConfigTarget(location: { type: string; target: string }): string {
  return location.type === 'file' ? resolve(location.target) : location.target;
}

/**
 * Feeds each `catalog.locations` entry to the catalog as a Location entity (a full
 * mutation at startup, so entries removed from config are orphaned).
 *
 * @example
 * const provider = createConfigLocationProvider(config.locations);
 */
export function createConfigLocationProvider(locations: CatalogConfig['locations']): EntityProvider {
  return {
    getProviderName: () => CONFIG_LOCATION_PROVIDER,
    async connect(connection) {
      const entities = locations.map((location) => {
        const target = resolveConfigTarget(location);
        const ref = `${location.type}:${target}`;
        return { entity: locationToEntity({ type: location.type, target }, ref, ref), locationKey: ref };
      });
      await connection.applyMutation({ type: 'full', entities });
    },
  };
}
