import { checkModules, collectFeatures } from '../../boot/collect-features.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import type { BackendFeatureInput } from '../../definitions/feature.js';
import type { Generation } from './plugin-generation.js';
import { pluginRuntimeErrors } from './plugin-runtime-errors.js';

/**
 * Turns a prepare request's features into the plugin and module set of the new
 * generation. Modules alone extend the serving generation of their plugin.
 */
export async function resolvePrepareRequest(
  features: readonly BackendFeatureInput[],
  context: { builtInIds: ReadonlySet<string>; serving(pluginId: string): Generation | undefined },
): Promise<{ plugin: PluginFeature; modules: ModuleFeature[] }> {
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
  if (context.builtInIds.has(targetId)) throw pluginRuntimeErrors.builtIn(targetId);
  const serving = context.serving(targetId);
  const plugin = collected.plugins[0] ?? serving?.plugin;
  if (!plugin)
    throw pluginRuntimeErrors.invalid(
      `modules ${collected.modules.map((m) => `'${m.fullId}'`).join(', ')} extend plugin '${targetId}', which this backend does not serve; prepare the plugin with them`,
    );
  const added = new Set(collected.modules.map((m) => m.fullId));
  const kept = collected.plugins[0] ? [] : (serving?.modules ?? []).filter((m) => !added.has(m.fullId));
  const modules = [...kept, ...collected.modules];
  const problems = checkModules([plugin], modules);
  if (problems.length > 0) throw pluginRuntimeErrors.invalid(problems.map((p) => p.message).join('; '));
  return { plugin, modules };
}
