import type { ServiceContainer } from '../../boot/service-container.js';
import type { JsonObject } from '../config/config-reader.js';
import type { DatabaseManager } from '../database/create-database-manager.js';
import type { BackendConfig } from '../http/http-config.js';
import type { DurationHook } from '../http/request-duration-metric.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { InstanceMetadataService } from '../metadata/metadata-service.js';
import type { BuiltInPlugins } from './built-in-takeover.js';

/** What the plugin runtime takes from the booted backend to boot generations beside it. */
export interface RuntimeKernel {
  container: ServiceContainer;
  databases: DatabaseManager;
  rootConfig: JsonObject;
  backend: BackendConfig;
  logger: LoggerService;
  durationHook(plugin: string): DurationHook;
  /** Built-in plugins and the serving runtime ones. */
  metadata: InstanceMetadataService;
  /** Permission names the permissions service accepts; runtime plugins add theirs. */
  permissionNames: Set<string>;
  initTimeoutMs: number;
  shutdownTimeoutMs: number;
  includeStackInErrors: boolean;
  /** The plugins of backend.features, which modules installed at runtime restart as generations. */
  builtIns: BuiltInPlugins;
}
