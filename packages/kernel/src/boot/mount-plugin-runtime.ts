import { coreServices } from '../services/core-services.js';
import { mountRuntimeDispatcher } from '../services/plugin-runtime/runtime-dispatcher.js';
import { durationToMs } from '../services/scheduler/duration.js';
import type { BootRuntime } from './boot-runtime.js';
import type { CollectedInputs } from './collect-inputs.js';
import type { InitializedFeatures } from './init-features.js';
import { databaseManagerRef, permissionNamesRef } from './internal-services.js';
import type { ResolvedServices } from './resolve-services.js';
import type { ValidatedInputs } from './validate-inputs.js';

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
}): Promise<void> {
  const { collected, validated, resolved, initialized, runtime } = input;
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
  });
  mountRuntimeDispatcher(initialized.server.fastify, pluginRuntime.routeFor);
  runtime.lifecycle
    .forOwner('kernel')
    .addShutdownHook(() => pluginRuntime.stopAll(), { label: 'stop runtime plugins' });
}
