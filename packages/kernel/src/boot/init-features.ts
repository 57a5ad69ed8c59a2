import type { AtriumError } from '@atrium/errors';
import type { HttpServer } from '../services/http/create-http-server.js';
import { durationToMs } from '../services/scheduler/duration.js';
import type { BootRuntime } from './boot-runtime.js';
import type { CollectedInputs } from './collect-inputs.js';
import { initPlugins, type StartedPlugin } from './init-plugins.js';
import {
  databaseManagerRef,
  httpServerRef,
  type RouterRegistry,
  routerRegistryRef,
} from './internal-services.js';
import { kernelErrors } from './kernel-errors.js';
import type { ResolvedServices } from './resolve-services.js';
import type { ValidatedInputs } from './validate-inputs.js';

/** The init phase's output: the plugins that started and what they registered. */
export interface InitializedFeatures {
  server: HttpServer;
  routers: RouterRegistry;
  started: StartedPlugin[];
}

/**
 * Boot phase 4: initialises every plugin with its modules, checks that each plugin's
 * router is complete, and queues the plugins' start and stop hooks. Throws every init
 * failure at once.
 */
export async function initFeatures(
  collected: CollectedInputs,
  validated: ValidatedInputs,
  { container }: ResolvedServices,
  runtime: BootRuntime,
): Promise<InitializedFeatures> {
  const server = await container.get(httpServerRef, 'kernel');
  const databases = await container.get(databaseManagerRef, 'kernel');
  const routers = await container.get(routerRegistryRef, 'kernel');
  const init = await initPlugins(collected.plugins, collected.modules, {
    container,
    databases,
    config: validated.checked.byFeature,
    logger: validated.logger,
    initTimeoutMs: durationToMs(validated.backend.startup.timeout),
  });
  const errors: AtriumError[] = [...init.errors];
  for (const { plugin } of init.started) {
    try {
      routers.plugins.get(plugin.id)?.assertComplete();
    } catch (error) {
      errors.push(error as AtriumError);
    }
  }
  if (errors.length > 0) throw kernelErrors.startupFailed(errors);

  for (const { plugin, hooks } of init.started) {
    if (hooks.start)
      runtime.lifecycle.startupHooks.push({ owner: plugin.id, label: 'plugin start', run: hooks.start });
    if (hooks.stop)
      runtime.lifecycle.forOwner(plugin.id).addShutdownHook(hooks.stop, { label: 'plugin stop' });
  }
  return { server, routers, started: init.started };
}
