import { validateFeatureConfigs } from '../../boot/check-config.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import type { JsonObject } from '../config/config-reader.js';

function withSubtree(root: JsonObject, key: string, value: object): JsonObject {
  const [head = key, ...rest] = key.split('.');
  const inner =
    rest.length === 0 ? value : withSubtree((root[head] as JsonObject) ?? {}, rest.join('.'), value);
  return { ...root, [head]: inner as JsonObject };
}

/**
 * Validates the config of a generation's plugin and modules. The request's config, when
 * given, replaces the plugin's subtree of the app config. Throws an Error listing every
 * problem (the caller wraps it in PLUGIN_INIT_FAILED).
 */
export function validateGenerationConfig(
  rootConfig: JsonObject,
  input: { plugin: PluginFeature; modules: readonly ModuleFeature[]; config?: object },
): Map<string, unknown> {
  const { plugin, modules } = input;
  const data = input.config ? withSubtree(rootConfig, plugin.configKey, input.config) : rootConfig;
  const problems: string[] = [];
  const byFeature = validateFeatureConfigs(data, [plugin], modules, problems);
  if (problems.length > 0) throw new Error(`invalid config: ${problems.join('; ')}`);
  return byFeature;
}
