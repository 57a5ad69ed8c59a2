import { type AtriumError, isAtriumError } from '@atrium/errors';
import type { ModuleFeature } from '../definitions/define-module.js';
import type { PluginFeature, PluginHooks } from '../definitions/define-plugin.js';
import type { ExtensionPointWriter } from '../definitions/extension-point.js';
import type { DatabaseManager } from '../services/database/create-database-manager.js';
import type { LoggerService } from '../services/logger/logger-service.js';
import { kernelErrors } from './kernel-errors.js';
import type { ServiceContainer } from './service-container.js';

/** A plugin that initialised, with the hooks its init returned. */
export interface StartedPlugin {
  plugin: PluginFeature;
  hooks: PluginHooks;
  initMs: number;
}

function createWriters(module: ModuleFeature, lists: Map<string, unknown[]>) {
  let sealed = false;
  const writers: Record<string, ExtensionPointWriter<unknown>> = {};
  for (const [name, point] of Object.entries(module.extensionPoints)) {
    writers[name] = {
      add: (...items) => {
        if (sealed) throw kernelErrors.extensionPointSealed(module.fullId, point.id);
        lists.get(point.id)?.push(...items);
      },
    };
  }
  return { writers, seal: () => (sealed = true) };
}

/** What initialising a plugin needs. */
export interface InitContext {
  container: ServiceContainer;
  databases: DatabaseManager;
  config: Map<string, unknown>;
  logger: LoggerService;
  /** An init that takes longer fails startup, naming the stuck plugin or module. */
  initTimeoutMs: number;
}

/** Runs one init with a deadline; failures become KERNEL_ errors naming the feature. */
async function runInit<T>(
  kind: 'plugin' | 'module',
  id: string,
  timeoutMs: number,
  init: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(kernelErrors.initTimeout(kind, id, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([init(), deadline]);
  } catch (error) {
    throw isAtriumError(error) && error.code.startsWith('KERNEL_')
      ? error
      : kernelErrors.initFailed(kind, id, error);
  } finally {
    clearTimeout(timer);
  }
}

async function initOne(
  plugin: PluginFeature,
  modules: readonly ModuleFeature[],
  context: InitContext,
): Promise<StartedPlugin> {
  const started = performance.now();
  const { container, databases, config } = context;
  const applied = await databases.migrate(plugin.id, plugin.migrations);
  if (applied.length > 0)
    context.logger.info(`applied ${applied.length} migration(s) of plugin '${plugin.id}'`, {
      migrations: applied,
    });
  const lists = new Map<string, unknown[]>(Object.values(plugin.extensionPoints).map((p) => [p.id, []]));
  for (const module of modules) {
    const { writers, seal } = createWriters(module, lists);
    try {
      await runInit('module', module.fullId, context.initTimeoutMs, async () =>
        module.init({
          deps: await container.resolve(module.deps, plugin.id),
          config: config.get(module.fullId),
          extensions: writers,
        }),
      );
    } finally {
      seal();
    }
  }
  const extensions = Object.fromEntries(
    Object.entries(plugin.extensionPoints).map(([name, point]) => [
      name,
      Object.freeze([...(lists.get(point.id) ?? [])]),
    ]),
  );
  const hooks = await runInit('plugin', plugin.id, context.initTimeoutMs, async () =>
    plugin.init({
      deps: await container.resolve(plugin.deps, plugin.id),
      config: config.get(plugin.id),
      extensions,
    }),
  );
  return { plugin, hooks: hooks ?? {}, initMs: performance.now() - started };
}

/**
 * Initialises every plugin: its migrations, then its modules in the order added, then
 * the plugin itself. Plugins initialise concurrently; every failure is collected so one
 * run reports all of them.
 */
export async function initPlugins(
  plugins: readonly PluginFeature[],
  modules: readonly ModuleFeature[],
  context: InitContext,
): Promise<{ started: StartedPlugin[]; errors: AtriumError[] }> {
  const results = await Promise.allSettled(
    plugins.map((plugin) =>
      initOne(
        plugin,
        modules.filter((m) => m.plugin === plugin.id),
        context,
      ),
    ),
  );
  const started: StartedPlugin[] = [];
  const errors: AtriumError[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') started.push(result.value);
    else {
      const reason = result.reason;
      errors.push(
        isAtriumError(reason) ? reason : kernelErrors.initFailed('plugin', plugins[index]?.id ?? '?', reason),
      );
    }
  });
  return { started, errors };
}
