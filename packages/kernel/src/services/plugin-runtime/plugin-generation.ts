import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { initPlugins } from '../../boot/init-plugins.js';
import { kernelErrors } from '../../boot/kernel-errors.js';
import { runHooks } from '../../boot/run-hooks.js';
import { resolveServiceGraph } from '../../boot/service-graph.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature, PluginHooks } from '../../definitions/define-plugin.js';
import type { JsonObject } from '../config/config-reader.js';
import { applyRequestHandling, fastifyOptions } from '../http/request-handling.js';
import { validateGenerationConfig } from './generation-config.js';
import { createGenerationServices, type GenerationServices } from './generation-services.js';
import type { RuntimeKernel } from './runtime-kernel.js';

/** One booted instance of a runtime plugin: its services, hooks and own HTTP server. */
export interface Generation {
  readonly plugin: PluginFeature;
  readonly modules: readonly ModuleFeature[];
  readonly version: string;
  /** The config subtree it was prepared with, if not the app config's. */
  readonly config?: JsonObject;
  readonly hooks: PluginHooks;
  /** Hands a request to the generation's server, counting it until its response closes. */
  dispatch(request: IncomingMessage, response: ServerResponse): void;
  /** Resolves once no request is in flight, or after `timeoutMs`. */
  drained(timeoutMs: number): Promise<void>;
  /** Runs the generation's shutdown hooks and releases what it registered. */
  stop(): Promise<void>;
}

/**
 * Boots a generation: config, the services it needs that boot did not create, migrations,
 * modules and init, its routes on a server of its own (not listening), start hooks.
 * Anything that fails tears down what started and throws with the kernel's code.
 */
export async function bootGeneration(
  kernel: RuntimeKernel,
  input: { plugin: PluginFeature; modules: readonly ModuleFeature[]; version: string; config?: JsonObject },
): Promise<Generation> {
  const { plugin, modules } = input;
  const byFeature = validateGenerationConfig(kernel.rootConfig, input);
  const graph = await resolveServiceGraph(
    [plugin, ...modules].map((f) => ({
      label: `'${f.$$type === '@atrium/Plugin' ? f.id : f.fullId}'`,
      deps: f.deps,
    })),
    kernel.container.factories(),
  );
  if (graph.problems.length > 0) throw kernelErrors.startupFailed(graph.problems);
  kernel.container.addFactories(graph.factories);
  for (const permission of plugin.permissions) kernel.permissionNames.add(permission.name);

  const services = createGenerationServices(kernel.container, plugin, modules, kernel.metadata);
  const server = Fastify(fastifyOptions(kernel.backend));
  const teardown = () => stopGeneration(kernel, services, server);
  try {
    const init = await initPlugins([plugin], modules, {
      container: services.container,
      databases: kernel.databases,
      config: byFeature,
      logger: kernel.logger,
      initTimeoutMs: kernel.initTimeoutMs,
    });
    const started = init.started[0];
    if (!started) throw init.errors[0];
    services.routers.plugins.get(plugin.id)?.assertComplete();
    if (started.hooks.stop)
      services.lifecycle.forOwner(plugin.id).addShutdownHook(started.hooks.stop, { label: 'plugin stop' });
    await mountGeneration(kernel, services, server);
    const hooks = [...services.lifecycle.startupHooks];
    if (started.hooks.start)
      hooks.push({ owner: plugin.id, label: 'plugin start', run: started.hooks.start });
    const failures = await runHooks(hooks, kernel.shutdownTimeoutMs, kernel.logger);
    if (failures[0]) throw failures[0];
    return createGeneration(input, started.hooks, server, teardown);
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function mountGeneration(kernel: RuntimeKernel, services: GenerationServices, server: FastifyInstance) {
  applyRequestHandling(server, { logger: kernel.logger, includeStackInErrors: kernel.includeStackInErrors });
  for (const router of services.routers.plugins.values())
    await router.mount(server, {
      externalBaseUrl: kernel.backend.baseUrl,
      durationHook: kernel.durationHook,
    });
  await server.ready();
}

async function stopGeneration(kernel: RuntimeKernel, services: GenerationServices, server: FastifyInstance) {
  await runHooks([...services.lifecycle.shutdownHooks].reverse(), kernel.shutdownTimeoutMs, kernel.logger);
  await services.release();
  await server.close();
}

function createGeneration(
  input: { plugin: PluginFeature; modules: readonly ModuleFeature[]; version: string; config?: JsonObject },
  hooks: PluginHooks,
  server: FastifyInstance,
  teardown: () => Promise<void>,
): Generation {
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  const finished = () => {
    inFlight -= 1;
    if (inFlight === 0) onIdle?.();
  };
  let stopping: Promise<void> | undefined;
  return {
    ...input,
    hooks,
    dispatch(request, response) {
      inFlight += 1;
      response.once('close', finished);
      server.routing(request, response);
    },
    drained(timeoutMs) {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          onIdle = undefined;
          resolve();
        }
        onIdle = done;
      });
    },
    stop() {
      stopping ??= teardown();
      return stopping;
    },
  };
}
