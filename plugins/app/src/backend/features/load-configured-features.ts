import { type LoadedFeatureBundle, loadFeatureBundle } from './load-feature-bundle.js';
import { readSharedModules } from './read-shared-modules.js';
import { resolveFeaturePackage } from './resolve-feature-package.js';

/**
 * Loads every bundle `app.features` lists, in order, against the modules the built web app
 * shares. A missing, unbuilt or unresolvable bundle stops startup, like a bad backend
 * feature: the error names the entry and what to do.
 */
export async function loadConfiguredFeatures(
  specs: readonly string[],
  options: { rootDir: string; bundleDir: string },
): Promise<LoadedFeatureBundle[]> {
  if (specs.length === 0) return [];
  const packages = specs.map((spec) => resolveFeaturePackage(spec, options.rootDir));
  const shared = readSharedModules(options.bundleDir);
  return Promise.all(packages.map((pkg) => loadFeatureBundle(pkg, shared)));
}
