import type { FastifyInstance } from 'fastify';
import { runHooks } from '../../boot/run-hooks.js';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import type { RootLifecycle } from '../lifecycle/lifecycle-service.js';
import type { LoggerService } from '../logger/logger-service.js';
import type { PluginReleases } from './plugin-releases.js';
import type { PluginBase } from './resolve-prepare-request.js';
import { handOver, pluginIdOf, type RuntimeRoute } from './runtime-dispatcher.js';

/** Built-in plugins as booted, and how a runtime generation takes one over. */
export interface BuiltInPlugins {
  /** A plugin of backend.features with the modules it booted with. */
  base(pluginId: string): PluginBase | undefined;
  /**
   * Stops the boot-time instance of a built-in plugin once a generation serves its routes:
   * waits for its requests in flight, runs its shutdown hooks (its stop hook, its work
   * queues), and removes its event subscriptions and scheduled tasks.
   */
  release(pluginId: string): Promise<void>;
}

/** Counts the requests each built-in plugin's boot-time instance serves, to drain them before it stops. */
function createInFlight() {
  const counts = new Map<string, number>();
  const waiters = new Map<string, Array<() => void>>();
  return {
    started(pluginId: string, done: (listener: () => void) => void) {
      counts.set(pluginId, (counts.get(pluginId) ?? 0) + 1);
      done(() => {
        const left = (counts.get(pluginId) ?? 1) - 1;
        counts.set(pluginId, left);
        if (left === 0) for (const wake of waiters.get(pluginId)?.splice(0) ?? []) wake();
      });
    },
    drained(pluginId: string, timeoutMs: number): Promise<void> {
      if (!counts.get(pluginId)) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const list = waiters.get(pluginId) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        waiters.set(pluginId, list);
      });
    },
  };
}

/**
 * Adds the root hook that hands a built-in plugin's requests to its runtime generation
 * once one serves it (a module installed at runtime), and counts the requests its
 * boot-time instance still serves. Must run before the plugins' routes are mounted:
 * Fastify gives a root hook only to routes registered after it.
 */
export function interceptBuiltInRoutes(
  fastify: FastifyInstance,
  input: {
    plugins: readonly PluginFeature[];
    modules: readonly ModuleFeature[];
    routeFor(pluginId: string): RuntimeRoute;
    lifecycle: RootLifecycle;
    releases: PluginReleases;
    logger: LoggerService;
    shutdownTimeoutMs: number;
  },
): BuiltInPlugins {
  const ids = new Set(input.plugins.map((p) => p.id));
  const inFlight = createInFlight();
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const pluginId = pluginIdOf(request.url);
    if (!ids.has(pluginId)) return done();
    const route = input.routeFor(pluginId);
    if (route && 'generation' in route) return handOver(request, reply, route.generation);
    inFlight.started(pluginId, (finished) => reply.raw.once('close', finished));
    done();
  });
  return {
    base(pluginId) {
      const plugin = input.plugins.find((p) => p.id === pluginId);
      return plugin && { plugin, modules: input.modules.filter((m) => m.plugin === pluginId) };
    },
    async release(pluginId) {
      await inFlight.drained(pluginId, input.shutdownTimeoutMs);
      const hooks = input.lifecycle.shutdownHooks;
      const own = hooks.filter((hook) => hook.owner === pluginId);
      for (const hook of own) hooks.splice(hooks.indexOf(hook), 1);
      input.releases.release(pluginId);
      await runHooks(own.reverse(), input.shutdownTimeoutMs, input.logger);
    },
  };
}
