import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';

/** The id of the plugin a service instance belongs to. */
export interface PluginMetadataService {
  getId(): string;
}

/** What this backend has installed: the manifests of its plugins and modules. */
export interface InstanceMetadataService {
  getInstalledPlugins(): readonly PluginFeature[];
  getInstalledModules(): readonly ModuleFeature[];
  /** `NODE_ENV` as the kernel read it at startup (`development` when unset). */
  getEnvironment(): string;
}
