import { checkModules, collectFeatures } from '../../boot/collect-features.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import type { BackendFeatureInput } from '../../definitions/feature.js';
import type { Generation } from './plugin-generation.js';
import { pluginRuntimeErrors } from './plugin-runtime-errors.js';

/** A plugin and its modules as a base for the next generation: the serving one, or a built-in as booted. */
export interface PluginBase {
  plugin: PluginFeature;
  modules: readonly ModuleFeature[];
}

/** What resolving a request looks up in the runtime. */
export interface PrepareContext {
  serving(pluginId: string): Generation | undefined;
  /** A plugin of backend.features with the modules it booted with. */
  builtIn(pluginId: string): PluginBase | undefined;
}

/**
 * Turns a prepare request's features into the plugin and module set of the new
 * generation. Modules alone extend the serving generation of their plugin, or a built-in
 * plugin (which then restarts as a generation with its boot modules plus these).
 * `version` is set when the generation keeps its plugin's version ('built-in' for those).
 */
export async function resolvePrepareRequest(
  features: readonly BackendFeatureInput[],
  context: PrepareContext,
): Promise<{ plugin: PluginFeature; modules: ModuleFeature[]; version?: string }> {
  const collected = await collectFeatures(features);
  if (collected.problems.length > 0)
    throw Object.assign(pluginRuntimeErrors.invalid(collected.problems.map((p) => p.message).join('; ')), {
      cause: collected.problems[0],
    });
  if (collected.factories.size > 0)
    throw pluginRuntimeErrors.invalid(
      `service factories (${[...collected.factories.keys()].join(', ')}) cannot be added to a running backend; add them to backend.features`,
    );
  if (collected.plugins.length > 1)
    throw pluginRuntimeErrors.invalid(
      `give one plugin per prepare, got ${collected.plugins.map((p) => `'${p.id}'`).join(', ')}`,
    );
  const targetId = collected.plugins[0]?.id ?? collected.modules[0]?.plugin;
  if (!targetId) throw pluginRuntimeErrors.invalid('no plugin or module was given');
  const builtIn = context.builtIn(targetId);
  if (builtIn && collected.plugins[0]) throw pluginRuntimeErrors.builtIn(targetId);
  const base = context.serving(targetId) ?? builtIn;
  const plugin = collected.plugins[0] ?? base?.plugin;
  if (!plugin)
    throw pluginRuntimeErrors.invalid(
      `modules ${collected.modules.map((m) => `'${m.fullId}'`).join(', ')} extend plugin '${targetId}', which this backend does not serve; prepare the plugin with them`,
    );
  const added = new Set(collected.modules.map((m) => m.fullId));
  const kept = collected.plugins[0] ? [] : (base?.modules ?? []).filter((m) => !added.has(m.fullId));
  const modules = checked(plugin, [...kept, ...collected.modules]);
  return { plugin, modules, ...(builtIn ? { version: 'built-in' } : {}) };
}

/**
 * The next generation of a serving or built-in plugin without some of its modules
 * (full ids, `<plugin>.<module>`): a module uninstalled at runtime.
 */
export function resolveWithoutModules(
  pluginId: string,
  moduleIds: readonly string[],
  context: PrepareContext,
): { plugin: PluginFeature; modules: ModuleFeature[]; version: string } {
  const serving = context.serving(pluginId);
  const builtIn = context.builtIn(pluginId);
  const base = serving ?? builtIn;
  if (!base) throw pluginRuntimeErrors.notRunning(pluginId);
  const dropped = new Set(moduleIds);
  const modules = checked(
    base.plugin,
    base.modules.filter((m) => !dropped.has(m.fullId)),
  );
  return { plugin: base.plugin, modules, version: builtIn ? 'built-in' : (serving?.version ?? '') };
}

function checked(plugin: PluginFeature, modules: ModuleFeature[]): ModuleFeature[] {
  const problems = checkModules([plugin], modules);
  if (problems.length > 0) throw pluginRuntimeErrors.invalid(problems.map((p) => p.message).join('; '));
  return modules;
}
