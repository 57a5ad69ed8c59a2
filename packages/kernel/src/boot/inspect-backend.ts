import type { AtriumError } from '@atrium/errors';
import type { ModuleFeature } from '../definitions/define-module.js';
import type { PluginFeature } from '../definitions/define-plugin.js';
import type { BackendFeatureInput } from '../definitions/feature.js';
import type { JsonObject } from '../services/config/config-reader.js';
import { type LoadConfigOptions, loadConfig } from '../services/config/load-config.js';
import { createDatabaseManager } from '../services/database/create-database-manager.js';
import { backendConfigSchema } from '../services/http/http-config.js';
import { checkConfig, type DeclaredFileRoots } from './check-config.js';
import { checkModules, collectFeatures } from './collect-features.js';
import { kernelMigrations } from './kernel-migrations.js';

/** What a backend would run, read from manifests and config without starting anything. */
export interface BackendInspection {
  plugins: PluginFeature[];
  modules: ModuleFeature[];
  config: JsonObject;
  /** Duplicate ids, modules without plugins, extension points out of scope. */
  featureProblems: AtriumError[];
  /** Invalid config keys, each naming its key path and owner. */
  configProblems: string[];
  /** The readable file roots each plugin declares from this config. */
  fileRoots: DeclaredFileRoots[];
}

/**
 * Reads every feature's manifest and checks config against all schemas, for
 * `atrium config check` and `atrium inspect`.
 *
 * @example
 * const report = await inspectBackend(features, { configPaths: ['app-config.yaml'] });
 * if (report.configProblems.length > 0) process.exitCode = 1;
 */
export async function inspectBackend(
  features: readonly BackendFeatureInput[],
  options: LoadConfigOptions = {},
): Promise<BackendInspection> {
  const collected = await collectFeatures(features);
  const { data } = loadConfig(options);
  const checked = checkConfig(data, collected.plugins, collected.modules);
  return {
    plugins: collected.plugins,
    modules: collected.modules,
    config: data,
    featureProblems: [...collected.problems, ...checkModules(collected.plugins, collected.modules)],
    configProblems: checked.problems,
    fileRoots: checked.fileRoots,
  };
}

/** Applies the kernel's and every plugin's pending migrations, for `atrium db migrate`. */
export async function migrateDatabases(
  plugins: readonly PluginFeature[],
  config: JsonObject,
): Promise<Record<string, string[]>> {
  const backend = backendConfigSchema.parse(config.backend);
  const databases = createDatabaseManager(backend.database);
  try {
    const applied: Record<string, string[]> = { kernel: await databases.migrate('kernel', kernelMigrations) };
    for (const plugin of plugins) applied[plugin.id] = await databases.migrate(plugin.id, plugin.migrations);
    return applied;
  } finally {
    await databases.close();
  }
}
