import type { AtriumError } from '@atrium/errors';
import type { ModuleFeature } from '../definitions/define-module.js';
import type { PluginFeature } from '../definitions/define-plugin.js';
import { type BackendFeature, type BackendFeatureInput, isBackendFeature } from '../definitions/feature.js';
import type { ServiceFactory } from '../definitions/service-factory.js';
import { kernelErrors } from './kernel-errors.js';

/** The features of a backend, sorted by type, with duplicates reported. */
export interface CollectedFeatures {
  plugins: PluginFeature[];
  modules: ModuleFeature[];
  factories: Map<string, ServiceFactory<unknown>>;
  problems: AtriumError[];
}

async function unwrap(input: BackendFeatureInput, index: number): Promise<BackendFeature> {
  const value: unknown = await input;
  if (isBackendFeature(value)) return value;
  const inner = (value as { default?: unknown } | null)?.default;
  if (isBackendFeature(inner)) return inner;
  throw kernelErrors.invalidFeature(
    `feature #${index + 1} (${typeof value === 'object' ? Object.keys(value ?? {}).join(', ') || 'empty object' : typeof value})`,
  );
}

/** Awaits dynamic imports and sorts features, reporting duplicate ids (never silently dropping one). */
export async function collectFeatures(inputs: readonly BackendFeatureInput[]): Promise<CollectedFeatures> {
  const plugins: PluginFeature[] = [];
  const modules: ModuleFeature[] = [];
  const factories = new Map<string, ServiceFactory<unknown>>();
  const problems: AtriumError[] = [];
  const settled = await Promise.allSettled(inputs.map(unwrap));
  for (const result of settled) {
    if (result.status === 'rejected') {
      problems.push(result.reason);
      continue;
    }
    const feature = result.value;
    if (feature.$$type === '@atrium/Plugin') {
      if (plugins.some((p) => p.id === feature.id)) problems.push(kernelErrors.duplicatePlugin(feature.id));
      else plugins.push(feature);
    } else if (feature.$$type === '@atrium/Module') {
      if (modules.some((m) => m.fullId === feature.fullId))
        problems.push(kernelErrors.duplicateModule(feature.fullId));
      else modules.push(feature);
    } else if (factories.has(feature.service.id)) {
      problems.push(kernelErrors.duplicateServiceFactory(feature.service.id));
    } else {
      factories.set(feature.service.id, feature);
    }
  }
  return { plugins, modules, factories, problems };
}

/** Checks each module's plugin and extension points: owned by an installed plugin, and that plugin is the module's. */
export function checkModules(
  plugins: readonly PluginFeature[],
  modules: readonly ModuleFeature[],
): AtriumError[] {
  const problems: AtriumError[] = [];
  const owners = new Map<string, string>();
  for (const plugin of plugins) {
    for (const point of Object.values(plugin.extensionPoints)) {
      const other = owners.get(point.id);
      if (other) problems.push(kernelErrors.extensionPointDuplicate(point.id, other, plugin.id));
      else owners.set(point.id, plugin.id);
    }
  }
  const installed = new Set(plugins.map((p) => p.id));
  for (const module of modules) {
    if (!installed.has(module.plugin)) {
      problems.push(kernelErrors.moduleWithoutPlugin(module.fullId, module.plugin));
    }
    for (const point of Object.values(module.extensionPoints)) {
      const owner = owners.get(point.id);
      if (!owner) problems.push(kernelErrors.extensionPointUnknown(module.fullId, point.id));
      else if (owner !== module.plugin)
        problems.push(kernelErrors.extensionPointScope(module.fullId, point.id, owner));
    }
  }
  return problems;
}
