import type { ServiceFactory } from '../definitions/service-factory.js';
import { createRootMetrics, type RootMetrics } from '../services/metrics/metrics-service.js';
import { createPluginRuntime, type PluginRuntime } from '../services/plugin-runtime/create-plugin-runtime.js';
import type { BootRuntime } from './boot-runtime.js';
import type { CollectedInputs } from './collect-inputs.js';
import { authEngineRef, databaseManagerRef, httpServerRef, routerRegistryRef } from './internal-services.js';
import { kernelErrors } from './kernel-errors.js';
import { ServiceContainer } from './service-container.js';
import { type Dependant, resolveServiceGraph } from './service-graph.js';
import type { ValidatedInputs } from './validate-inputs.js';
import { createValueFactories } from './value-factories.js';

/** The resolve phase's output: a container that creates each service on first use. */
export interface ResolvedServices {
  container: ServiceContainer;
  metrics: RootMetrics;
  pluginRuntime: PluginRuntime;
}

/**
 * Boot phase 3: picks a factory for every service any plugin, module or the kernel
 * depends on. Throws every problem found since collect, if there is any.
 */
export async function resolveServices(
  collected: CollectedInputs,
  validated: ValidatedInputs,
  runtime: BootRuntime,
  environment: string,
): Promise<ResolvedServices> {
  const { plugins, modules } = collected;
  const metrics = createRootMetrics();
  const pluginRuntime = createPluginRuntime(new Set(plugins.map((p) => p.id)));
  const values = createValueFactories({
    config: collected.config.reader,
    backendConfig: validated.backend,
    logger: validated.logger,
    lifecycle: runtime.lifecycle,
    health: runtime.health,
    metrics,
    plugins,
    modules,
    environment,
    fileRoots: validated.checked.fileRoots,
    pluginRuntime,
  });
  const explicit = new Map<string, ServiceFactory<unknown>>([...values, ...collected.factories]);
  const dependants: Dependant[] = [
    ...plugins.map((p) => ({ label: `plugin '${p.id}'`, deps: p.deps })),
    ...modules.map((m) => ({ label: `module '${m.fullId}'`, deps: m.deps })),
    {
      label: 'the kernel',
      deps: {
        server: httpServerRef,
        databases: databaseManagerRef,
        routers: routerRegistryRef,
        auth: authEngineRef,
      },
    },
  ];
  const graph = await resolveServiceGraph(dependants, explicit);
  const problems = [...validated.problems, ...graph.problems];
  if (problems.length > 0) throw kernelErrors.startupFailed(problems);
  return { container: new ServiceContainer(graph.factories), metrics, pluginRuntime };
}
