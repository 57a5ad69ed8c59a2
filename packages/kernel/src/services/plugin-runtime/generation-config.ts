import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import type { JsonObject } from '../config/config-reader.js';
import { validateConfigSubtree } from '../config/validate-config.js';

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
  const byFeature = new Map<string, unknown>();
  const problems: string[] = [];
  const features = [
    { id: plugin.id, key: plugin.configKey, label: `plugin '${plugin.id}'`, schema: plugin.config },
    ...modules.map((m) => ({
      id: m.fullId,
      key: m.configKey ?? m.plugin,
      label: `module '${m.fullId}'`,
      schema: m.config,
    })),
  ];
  for (const feature of features) {
    if (!feature.schema) continue;
    const result = validateConfigSubtree(feature.schema, data, feature.key, feature.label);
    if (result.ok) byFeature.set(feature.id, result.value);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new Error(`invalid config: ${problems.join('; ')}`);
  return byFeature;
}
