import type { ModuleFeature } from './define-module.js';
import type { PluginFeature } from './define-plugin.js';
import type { ServiceFactory } from './service-factory.js';

/** Anything a backend can add: a plugin, a module or a service factory. */
export type BackendFeature = PluginFeature | ModuleFeature | ServiceFactory<unknown>;

/** A feature or a promise of one, such as a dynamic `import()` whose default export is a feature. */
export type BackendFeatureInput = BackendFeature | Promise<BackendFeature | { default: BackendFeature }>;

/** True when a value is an Atrium backend feature (plugin, module or service factory). */
export function isBackendFeature(value: unknown): value is BackendFeature {
  const type = (value as { $$type?: unknown } | null)?.$$type;
  return type === '@atrium/Plugin' || type === '@atrium/Module' || type === '@atrium/ServiceFactory';
}
