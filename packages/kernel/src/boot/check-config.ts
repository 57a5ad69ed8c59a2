import { resolve } from 'node:path';
import type { ModuleFeature } from '../definitions/define-module.js';
import type { PluginFeature } from '../definitions/define-plugin.js';
import type { JsonObject } from '../services/config/config-reader.js';
import { validateConfigSubtree } from '../services/config/validate-config.js';
import { type BackendConfig, backendConfigSchema } from '../services/http/http-config.js';
import type { FileRoots } from '../services/url-reader/file-access-rule.js';

/** Readable roots a plugin declared, with absolute paths. */
export interface DeclaredFileRoots extends FileRoots {
  pluginId: string;
}

/** Parsed config of the kernel and every feature, or every problem found. */
export interface CheckedConfig {
  backend?: BackendConfig;
  byFeature: Map<string, unknown>;
  /** Every plugin's declared file roots (from its validated config). */
  fileRoots: DeclaredFileRoots[];
  problems: string[];
}

function declaredFileRoots(
  plugins: readonly PluginFeature[],
  byFeature: ReadonlyMap<string, unknown>,
  problems: string[],
): DeclaredFileRoots[] {
  const out: DeclaredFileRoots[] = [];
  for (const plugin of plugins) {
    // Invalid config is reported already; its roots cannot be known.
    if (!plugin.fileRoots || (plugin.config && !byFeature.has(plugin.id))) continue;
    try {
      for (const group of plugin.fileRoots(byFeature.get(plugin.id)))
        out.push({ pluginId: plugin.id, setting: group.setting, paths: group.paths.map((p) => resolve(p)) });
    } catch (error) {
      problems.push(
        `plugin '${plugin.id}' could not declare its file roots (fileRoots in its manifest): ${(error as Error).message}`,
      );
    }
  }
  return out;
}

/**
 * Validates each plugin's and module's config subtree; the parsed values by feature id, and
 * every problem appended to `problems`. Boot and runtime plugins share it.
 */
export function validateFeatureConfigs(
  data: JsonObject,
  plugins: readonly PluginFeature[],
  modules: readonly ModuleFeature[],
  problems: string[],
): Map<string, unknown> {
  const byFeature = new Map<string, unknown>();
  const features: Array<{ key: string; label: string; id: string; schema: PluginFeature['config'] }> = [
    ...plugins.map((p) => ({ key: p.configKey, label: `plugin '${p.id}'`, id: p.id, schema: p.config })),
    ...modules.map((m) => ({
      key: m.configKey ?? m.plugin,
      label: `module '${m.fullId}'`,
      id: m.fullId,
      schema: m.config,
    })),
  ];
  for (const feature of features) {
    if (!feature.schema) continue;
    const result = validateConfigSubtree(feature.schema, data, feature.key, feature.label);
    if (result.ok) byFeature.set(feature.id, result.value);
    else problems.push(...result.problems);
  }
  return byFeature;
}

/**
 * Validates `backend.*` and each plugin's and module's subtree before anything starts,
 * so one run reports every invalid key.
 */
export function checkConfig(
  data: JsonObject,
  plugins: readonly PluginFeature[],
  modules: readonly ModuleFeature[],
): CheckedConfig {
  const problems: string[] = [];
  const backend = validateConfigSubtree(backendConfigSchema, data, 'backend', 'the kernel');
  if (!backend.ok) problems.push(...backend.problems);
  const byFeature = validateFeatureConfigs(data, plugins, modules, problems);
  const fileRoots = declaredFileRoots(plugins, byFeature, problems);
  return { backend: backend.ok ? backend.value : undefined, byFeature, fileRoots, problems };
}
