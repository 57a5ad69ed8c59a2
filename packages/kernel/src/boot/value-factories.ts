import { randomUUID } from 'node:crypto';
import type { ModuleFeature } from '../definitions/define-module.js';
import type { PluginFeature } from '../definitions/define-plugin.js';
import { defineServiceFactory, type ServiceFactory } from '../definitions/service-factory.js';
import type { ServiceRef } from '../definitions/service-ref.js';
import type { ConfigReader } from '../services/config/config-reader.js';
import { coreServices } from '../services/core-services.js';
import type { RootHealth } from '../services/health/health-service.js';
import type { BackendConfig } from '../services/http/http-config.js';
import type { RootLifecycle } from '../services/lifecycle/lifecycle-service.js';
import type { LoggerService } from '../services/logger/logger-service.js';
import type { RootMetrics } from '../services/metrics/metrics-service.js';
import type { PluginRuntime } from '../services/plugin-runtime/create-plugin-runtime.js';
import { createPluginReleases } from '../services/plugin-runtime/plugin-releases.js';
import type { DeclaredFileRoots } from './check-config.js';
import {
  declaredFileRootsRef,
  instanceIdRef,
  kernelConfigRef,
  permissionNamesRef,
  pluginReleasesRef,
  rootHealthRef,
  rootLifecycleRef,
  rootMetricsRef,
  routerRegistryRef,
} from './internal-services.js';

function value<T>(service: ServiceRef<T, 'root'>, instance: T): ServiceFactory<unknown> {
  return defineServiceFactory({ service, deps: {}, factory: () => instance }) as ServiceFactory<unknown>;
}

/** The state a backend creates itself and hands to services as root values. */
export interface KernelState {
  config: ConfigReader;
  backendConfig: BackendConfig;
  logger: LoggerService;
  lifecycle: RootLifecycle;
  health: RootHealth;
  metrics: RootMetrics;
  plugins: readonly PluginFeature[];
  modules: readonly ModuleFeature[];
  environment: string;
  fileRoots: readonly DeclaredFileRoots[];
  pluginRuntime: PluginRuntime;
}

/** Factories for the kernel's own values; a user factory for the same ref still wins. */
export function createValueFactories(state: KernelState): Map<string, ServiceFactory<unknown>> {
  const permissionNames = new Set(
    state.plugins.flatMap((p) => p.permissions.map((permission) => permission.name)),
  );
  const list = [
    value(coreServices.rootConfig, state.config),
    value(coreServices.rootLogger, state.logger),
    value(coreServices.rootLifecycle, state.lifecycle),
    value(coreServices.instanceMetadata, {
      // A built-in plugin restarted with runtime modules is listed once, with its generation's modules.
      getInstalledPlugins: () => [
        ...state.plugins,
        ...state.pluginRuntime.plugins().filter((p) => !state.plugins.includes(p)),
      ],
      getInstalledModules: () => [
        ...state.modules.filter((m) => !state.pluginRuntime.isServing(m.plugin)),
        ...state.pluginRuntime.modules(),
      ],
      getEnvironment: () => state.environment,
    }),
    value(kernelConfigRef, state.backendConfig),
    value(rootHealthRef, state.health),
    value(rootMetricsRef, state.metrics),
    value(rootLifecycleRef, state.lifecycle),
    value(routerRegistryRef, { plugins: new Map(), root: [] }),
    value(instanceIdRef, randomUUID()),
    value(declaredFileRootsRef, state.fileRoots),
    value(permissionNamesRef, permissionNames as ReadonlySet<string>),
    value(coreServices.pluginRuntime, state.pluginRuntime),
    value(pluginReleasesRef, createPluginReleases()),
  ];
  return new Map(list.map((f) => [f.service.id, f]));
}
