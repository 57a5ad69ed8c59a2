import type { ModuleFeature } from '../definitions/define-module.js';
import type { BackendFeatureInput } from '../definitions/feature.js';
import type { LoadConfigOptions } from '../services/config/load-config.js';
import type { BootRuntime } from './boot-runtime.js';
import { collectInputs } from './collect-inputs.js';
import { type InitializedFeatures, initFeatures } from './init-features.js';
import { listenBackend } from './listen-backend.js';
import { interceptBuiltIns, mountPluginRuntime } from './mount-plugin-runtime.js';
import { mountRoutes } from './mount-routes.js';
import { resolveServices } from './resolve-services.js';
import { type ValidatedInputs, validateInputs } from './validate-inputs.js';

/** What a boot reads besides the features: where config comes from and the environment. */
export interface BootOptions {
  config: LoadConfigOptions;
  environment: string;
}

/**
 * Boots a backend in six phases, each finishing before the next starts: collect the
 * features and config, validate them, resolve the service graph, init the plugins,
 * mount their routes, listen. Each phase throws one KERNEL_STARTUP_FAILED listing
 * every problem it found; the caller shuts down what already started.
 */
export async function bootBackend(
  inputs: readonly BackendFeatureInput[],
  options: BootOptions,
  runtime: BootRuntime,
): Promise<{ url: string; port: number }> {
  const t0 = performance.now();
  const collected = await collectInputs(inputs, options.config);
  const validated = await validateInputs(collected, runtime);
  const resolved = await resolveServices(collected, validated, runtime, options.environment);
  const initialized = await initFeatures(collected, validated, resolved, runtime);
  const phase = { collected, validated, resolved, initialized, runtime };
  const builtIns = await interceptBuiltIns(phase);
  await mountRoutes(validated, resolved, initialized);
  await mountPluginRuntime({ ...phase, environment: options.environment, builtIns });
  const listening = await listenBackend(validated, resolved, initialized, runtime);
  logBootTree(validated, collected.modules, initialized, performance.now() - t0);
  validated.logger.info(`Atrium listening on ${listening.url} with ${collected.plugins.length} plugin(s)`, {
    plugins: collected.plugins.map((p) => p.id),
  });
  return listening;
}

function logBootTree(
  { logger }: ValidatedInputs,
  modules: readonly ModuleFeature[],
  { started }: InitializedFeatures,
  totalMs: number,
) {
  logger.debug('boot tree', {
    plugins: started.map((s) => ({
      id: s.plugin.id,
      initMs: Math.round(s.initMs),
      modules: modules.filter((m) => m.plugin === s.plugin.id).map((m) => m.id),
    })),
    totalMs: Math.round(totalMs),
  });
}
