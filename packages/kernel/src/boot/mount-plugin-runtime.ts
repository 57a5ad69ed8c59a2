import { coreServices } from '../services/core-services.js';
import { type BuiltInPlugins, interceptBuiltInRoutes } from '../services/plugin-runtime/built-in-takeover.js';
import { mountRuntimeDispatcher } from '../services/plugin-runtime/runtime-dispatcher.js';
import { durationToMs } from '../services/scheduler/duration.js';
import type { BootRuntime } from './boot-runtime.js';
import type { CollectedInputs } from './collect-inputs.js';
import type { InitializedFeatures } from './init-features.js';
import { databaseManagerRef, permissionNamesRef, pluginReleasesRef } from './internal-services.js';
import type { ResolvedServices } from './resolve-services.js';
import type { ValidatedInputs } from './validate-inputs.js';

/**
 * Boot phase 5a, before the plugins' routes mount: the root hook through which a runtime
 * generation of a built-in plugin (restarted with a module installed at runtime) takes
 * over its routes.
 */
export async function interceptBuiltIns(input: {
  collected: CollectedInputs;
  validated: ValidatedInputs;
  resolved: ResolvedServices;
  initialized: InitializedFeatures;
  runtime: BootRuntime;
}): Promise<BuiltInPlugins> {
  const { collected, resolved, runtime } = input;
  return interceptBuiltInRoutes(input.initialized.server.fastify, {
    plugins: collected.plugins,
    modules: collected.modules,
    routeFor: resolved.pluginRuntime.routeFor,
    lifecycle: runtime.lifecycle,
    releases: await resolved.container.get(pluginReleasesRef, 'kernel'),
    logger: input.validated.logger.child({ service: 'plugin-runtime' }),
    shutdownTimeoutMs: runtime.shutdownTimeoutMs,
  });
}

/**
 * Boot phase 5b: connects the plugin runtime to the booted backend and mounts its
 * dispatcher (after every built-in route, before listening: Fastify adds no route later).
 * Runtime generations stop at shutdown after the server has drained, before the
 * database pools close.
 */
export async function mountPluginRuntime(input: {
  collected: CollectedInputs;
  validated: ValidatedInputs;
  resolved: ResolvedServices;
  initialized: InitializedFeatures;
  runtime: BootRuntime;
  environment: string;
  builtIns: BuiltInPlugins;
}): Promise<void> {
  const { collected, validated, resolved, initialized, runtime, builtIns } = input;
  const { container, pluginRuntime } = resolved;
  pluginRuntime.bind({
    container,
    databases: await container.get(databaseManagerRef, 'kernel'),
    rootConfig: collected.config.reader.getOptional() ?? {},
    backend: validated.backend,
    logger: validated.logger.child({ service: 'plugin-runtime' }),
    durationHook: initialized.server.durationHook,
    metadata: await container.get(coreServices.instanceMetadata, 'kernel'),
    permissionNames: (await container.get(permissionNamesRef, 'kernel')) as Set<string>,
    initTimeoutMs: durationToMs(validated.backend.startup.timeout),
    shutdownTimeoutMs: runtime.shutdownTimeoutMs,
    includeStackInErrors: input.environment === 'development',
    builtIns,
  });
  mountRuntimeDispatcher(initialized.server.fastify, pluginRuntime.routeFor);
  runtime.lifecycle
    .forOwner('kernel')
    .addShutdownHook(() => pluginRuntime.stopAll(), { label: 'stop runtime plugins' });
}
