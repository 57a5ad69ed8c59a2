import { isAtriumError } from '@atrium/errors';
import type { ModuleFeature } from '../../definitions/define-module.js';
import type { PluginFeature } from '../../definitions/define-plugin.js';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { JsonObject } from '../config/config-reader.js';
import { bootGeneration, type Generation } from './plugin-generation.js';
import { pluginRuntimeErrors } from './plugin-runtime-errors.js';
import type {
  PluginRuntimeService,
  PreparedPlugin,
  PrepareRequest,
  RuntimePluginState,
} from './plugin-runtime-service.js';
import {
  type PrepareContext,
  resolvePrepareRequest,
  resolveWithoutModules,
} from './resolve-prepare-request.js';
import type { RuntimeRoute } from './runtime-dispatcher.js';
import type { RuntimeKernel } from './runtime-kernel.js';

/** The Host API version this kernel offers to runtime plugins (`atrium.hostApi` ranges match it). */
export const HOST_API_VERSION = '0.1.0';

type Entry = { generation: Generation; since: Date } | { stopped: RuntimePluginState };

/** The kernel's side of the plugin runtime: the service, plus what boot and the dispatcher need. */
export interface PluginRuntime extends PluginRuntimeService {
  /** Connects the runtime to the booted backend; prepare fails before this. */
  bind(kernel: RuntimeKernel): void;
  routeFor(pluginId: string): RuntimeRoute;
  /** Plugins and modules of the serving generations (for instance metadata). */
  plugins(): PluginFeature[];
  /** Whether a generation serves the plugin (a runtime plugin, or a built-in one restarted with runtime modules). */
  isServing(pluginId: string): boolean;
  modules(): ModuleFeature[];
  /** Stops every generation (backend shutdown). */
  stopAll(): Promise<void>;
}

/** The runtime's state: what serves or stopped per plugin, generations prepared but not activated. */
interface RuntimeState {
  builtInIds: ReadonlySet<string>;
  entries: Map<string, Entry>;
  pending: Set<Generation>;
  kernel?: RuntimeKernel;
}

function servingOf(state: RuntimeState, pluginId: string): Generation | undefined {
  const entry = state.entries.get(pluginId);
  return entry && 'generation' in entry ? entry.generation : undefined;
}

async function replace(state: RuntimeState, pluginId: string, next: Entry): Promise<void> {
  const previous = servingOf(state, pluginId);
  state.entries.set(pluginId, next);
  const { kernel } = state;
  if (!kernel) return;
  // The first generation of a built-in plugin takes over from the instance booted with the backend.
  if (!previous && state.builtInIds.has(pluginId)) return kernel.builtIns.release(pluginId);
  if (!previous) return;
  await previous.drained(kernel.shutdownTimeoutMs);
  await previous.stop();
}

function boundKernel(state: RuntimeState): RuntimeKernel {
  if (!state.kernel) throw pluginRuntimeErrors.invalid('the backend has not started yet');
  return state.kernel;
}

/** prepare, prepareWithout and purge: the calls that boot generations or drop their data. */
function preparing(state: RuntimeState): Pick<PluginRuntime, 'prepare' | 'prepareWithout' | 'purge'> {
  const serving = (id: string) => servingOf(state, id);
  const context: PrepareContext = { serving, builtIn: (id) => state.kernel?.builtIns.base(id) };
  async function boot(
    resolved: { plugin: PluginFeature; modules: ModuleFeature[]; version?: string },
    request: Omit<PrepareRequest, 'features'>,
  ): Promise<PreparedPlugin> {
    const version = resolved.version ?? request.version;
    const generation = await bootNamed(boundKernel(state), resolved.plugin, resolved.modules, {
      ...request,
      version,
    });
    state.pending.add(generation);
    return preparedHandle(generation, {
      pending: state.pending,
      replace: (pluginId, next) => replace(state, pluginId, next),
    });
  }
  const withConfig = (version: string, config: JsonObject | undefined) => ({
    version,
    ...(config ? { config } : {}),
  });
  return {
    async prepare(request) {
      boundKernel(state);
      const resolved = await resolvePrepareRequest(request.features, context);
      const { id } = resolved.plugin;
      if (state.builtInIds.has(id)) return boot(resolved, { version: request.version });
      // Modules alone keep the config the serving generation booted with.
      const current = serving(id);
      const config = request.config ?? (current?.plugin === resolved.plugin ? current.config : undefined);
      return boot(resolved, withConfig(request.version, config));
    },
    async prepareWithout(pluginId, moduleIds) {
      const resolved = resolveWithoutModules(pluginId, moduleIds, context);
      return boot(resolved, withConfig(resolved.version, serving(pluginId)?.config));
    },
    async purge(pluginId) {
      const kernel = boundKernel(state);
      if (state.builtInIds.has(pluginId)) throw pluginRuntimeErrors.builtIn(pluginId);
      if (serving(pluginId))
        throw pluginRuntimeErrors.invalid(
          `plugin '${pluginId}' still serves on this backend; stop it before purging its data`,
        );
      await kernel.databases.drop(pluginId);
    },
  };
}

/** Creates the plugin runtime of one backend; `builtInIds` are the plugins from backend.features. */
export function createPluginRuntime(builtInIds: ReadonlySet<string>): PluginRuntime {
  const state: RuntimeState = { builtInIds, entries: new Map(), pending: new Set() };
  const { entries, pending } = state;
  const serving = (id: string) => servingOf(state, id);
  const servingAll = () => [...entries.values()].flatMap((e) => ('generation' in e ? [e.generation] : []));
  return {
    hostApiVersion: HOST_API_VERSION,
    bind(bound) {
      state.kernel = bound;
    },
    ...preparing(state),
    list: () => [...entries.entries()].map(([pluginId, entry]) => describe(pluginId, entry)),
    async stop(pluginId, reason) {
      if (builtInIds.has(pluginId)) throw pluginRuntimeErrors.builtIn(pluginId);
      const generation = serving(pluginId);
      if (!generation) throw pluginRuntimeErrors.notRunning(pluginId);
      const stopped: RuntimePluginState = {
        ...describe(pluginId, { generation, since: new Date() }),
        state: 'stopped',
        reason,
      };
      await replace(state, pluginId, { stopped });
    },
    routeFor(pluginId) {
      const entry = entries.get(pluginId);
      if (!entry) return undefined;
      return 'generation' in entry ? entry : { disabledReason: entry.stopped.reason ?? 'stopped' };
    },
    plugins: () => servingAll().map((g) => g.plugin),
    isServing: (pluginId) => serving(pluginId) !== undefined,
    modules: () => servingAll().flatMap((g) => g.modules),
    async stopAll() {
      const all = [...servingAll(), ...pending];
      pending.clear();
      entries.clear();
      await Promise.all(all.map((g) => g.stop()));
    },
  };
}

function describe(pluginId: string, entry: Entry): RuntimePluginState {
  if ('stopped' in entry) return entry.stopped;
  return {
    pluginId,
    version: entry.generation.version,
    since: entry.since.toISOString(),
    state: 'serving',
    modules: entry.generation.modules.map((m) => m.fullId),
  };
}

/** Boots a generation; any failure becomes PLUGIN_INIT_FAILED naming plugin and version. */
async function bootNamed(
  kernel: RuntimeKernel,
  plugin: PluginFeature,
  modules: ModuleFeature[],
  request: Omit<PrepareRequest, 'features'>,
): Promise<Generation> {
  try {
    return await bootGeneration(kernel, {
      plugin,
      modules,
      version: request.version,
      config: request.config,
    });
  } catch (error) {
    throw isAtriumError(error) && error.code === kernelErrorCodes.PLUGIN_INIT_FAILED
      ? error
      : pluginRuntimeErrors.initFailed(plugin.id, request.version, error);
  }
}

/** The manager's handle on a prepared generation: health, switch, or discard, once. */
function preparedHandle(
  generation: Generation,
  runtime: { pending: Set<Generation>; replace(pluginId: string, next: Entry): Promise<void> },
): PreparedPlugin {
  const { plugin, version } = generation;
  let state: 'prepared' | 'activated' | 'discarded' = 'prepared';
  const assertPrepared = () => {
    if (state !== 'prepared') throw pluginRuntimeErrors.closed(plugin.id, version, state);
  };
  return {
    pluginId: plugin.id,
    version,
    async checkHealth() {
      assertPrepared();
      try {
        await generation.hooks.health?.();
      } catch (error) {
        throw pluginRuntimeErrors.healthFailed(plugin.id, version, error);
      }
    },
    async activate() {
      assertPrepared();
      state = 'activated';
      runtime.pending.delete(generation);
      await runtime.replace(plugin.id, { generation, since: new Date() });
    },
    async discard() {
      if (state === 'discarded') return;
      assertPrepared();
      state = 'discarded';
      runtime.pending.delete(generation);
      await generation.stop();
    },
  };
}
