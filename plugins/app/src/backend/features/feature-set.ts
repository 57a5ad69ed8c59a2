import type { LoadedFeatureBundle } from './load-feature-bundle.js';

/** The feature bundles being served: the current ones, and the previous set for open tabs. */
export interface FeatureSet {
  /** (Re)loads the bundles; the set they replace stays served. */
  load(): Promise<void>;
  current(): readonly LoadedFeatureBundle[];
  /** Every bundle served: current first, then the previous set. */
  served(): readonly LoadedFeatureBundle[];
}

/**
 * Holds the feature bundles across web app rebuilds: a tab opened before a rebuild keeps
 * loading the chunks of the bundles it started with, as it does the app's own assets.
 *
 * @example
 * const features = createFeatureSet(() => loadConfiguredFeatures(config.features, options));
 * await features.load();
 */
export function createFeatureSet(loader: () => Promise<readonly LoadedFeatureBundle[]>): FeatureSet {
  let current: readonly LoadedFeatureBundle[] = [];
  let previous: readonly LoadedFeatureBundle[] = [];
  return {
    async load() {
      const next = await loader();
      previous = current;
      current = next;
    },
    current: () => current,
    served: () => [...current, ...previous],
  };
}
