import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AtriumError } from '@atrium/errors';
import type { LoggerService } from '@atrium/kernel';
import { appErrorCodes } from '../app-error-codes.js';
import { type LoadedFeatureBundle, loadFeatureBundle } from '../features/load-feature-bundle.js';
import type { SharedModuleUrls } from '../features/read-shared-modules.js';
import type { FrontendFeatureSource, RuntimeFrontendFeature } from './frontend-feature-source.js';

function entryOf(source: FrontendFeatureSource, feature: RuntimeFrontendFeature): string {
  const entry = join(feature.dir, 'index.js');
  if (!existsSync(entry) || !statSync(entry).isFile()) {
    throw new AtriumError(
      appErrorCodes.APP_FEATURE_NOT_BUILT,
      `runtime frontend feature '${feature.name}@${feature.version}' from source '${source.id}' has no bundle entry at '${entry}'`,
    );
  }
  return entry;
}

async function loadOne(
  source: FrontendFeatureSource,
  feature: RuntimeFrontendFeature,
  shared: SharedModuleUrls,
): Promise<LoadedFeatureBundle> {
  const spec = `${feature.name}@${feature.version}`;
  return loadFeatureBundle({ spec, name: feature.name, entry: entryOf(source, feature) }, shared);
}

/**
 * Loads the bundles every runtime source lists now, like `app.features` ones (shared imports
 * rewritten, content-hashed URL). A bundle that fails to load is logged and left out: one
 * broken runtime plugin must not take the others (or the app) down.
 */
export async function loadRuntimeFeatures(
  sources: readonly FrontendFeatureSource[],
  shared: () => SharedModuleUrls,
  logger: LoggerService,
): Promise<LoadedFeatureBundle[]> {
  const loaded: LoadedFeatureBundle[] = [];
  for (const source of sources) {
    const features = await source.list().catch((error: unknown) => {
      logger.error(`frontend feature source '${source.id}' could not list its features`, error as Error);
      return [];
    });
    for (const feature of features) {
      try {
        loaded.push(await loadOne(source, feature, shared()));
      } catch (error) {
        logger.error(`runtime frontend feature '${feature.name}' was not loaded`, error as Error);
      }
    }
  }
  return loaded;
}
