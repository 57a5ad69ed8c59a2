import type { LoggerService } from '@atrium/kernel';
import { createFeatureSet, type FeatureSet } from '../features/feature-set.js';
import type { SharedModuleUrls } from '../features/read-shared-modules.js';
import type { FrontendFeatureSource } from './frontend-feature-source.js';
import { loadRuntimeFeatures } from './load-runtime-features.js';

/** The runtime feature bundles, and the start/stop of listening to their sources. */
export interface RuntimeFeatures {
  set: FeatureSet;
  /** Listens to every source: each change reloads the set, then calls `onReloaded`. */
  listen(onReloaded: () => Promise<void>): () => void;
}

/**
 * Keeps the bundles of runtime frontend features (from modules' sources) loaded and served;
 * the set they replace stays served for tabs that still load its chunks.
 *
 * @example
 * const runtime = createRuntimeFeatures(extensions.frontendFeatures, () => readSharedModules(dir), logger);
 * await runtime.set.load();
 */
export function createRuntimeFeatures(
  sources: readonly FrontendFeatureSource[],
  shared: () => SharedModuleUrls,
  logger: LoggerService,
): RuntimeFeatures {
  const set = createFeatureSet(() => loadRuntimeFeatures(sources, shared, logger));
  let queue: Promise<void> = Promise.resolve();
  return {
    set,
    listen(onReloaded) {
      const reload = () => {
        queue = queue
          .then(() => set.load())
          .then(onReloaded)
          .catch((error: unknown) =>
            logger.error('reloading runtime frontend features failed', error as Error),
          );
      };
      const stops = sources.map((source) => source.subscribe(reload));
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
