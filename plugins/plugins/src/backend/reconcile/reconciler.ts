import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BackendFeatureInput, JsonObject, LoggerService, PreparedPlugin } from '@atrium/kernel';
import type { PluginsStore } from '../store/plugins-store.js';
import type { InstalledRow } from '../store/tables.js';
import { type LoadedPackage, loadPackage } from './load-package.js';
import type { PluginRuntime } from './runtime.js';

/** A plugin this backend serves: what it loaded and with which config. */
export interface Serving {
  pluginId: string;
  packageName: string;
  version: string;
  integrity: string;
  /** Version and config, so a change of either re-prepares. */
  key: string;
  loaded: LoadedPackage;
}

/** What the reconciler needs. */
export interface ReconcilerOptions {
  store: PluginsStore;
  runtime: PluginRuntime;
  logger: LoggerService;
  directory: string;
  maxBytes: number;
  backendId?: string;
  /** Called when the set of frontend bundles this backend serves changed. */
  onFrontendsChanged?: () => void;
}

/** The reconciler's state on this backend. */
interface ReconcileState extends ReconcilerOptions {
  backendId: string;
  serving: Map<string, Serving>;
  /** Desired keys that failed here: retried only when the desired state changes. */
  failed: Map<string, { key: string; error: unknown }>;
  /**
   * Backend entries imported in this process, by package integrity. Node cannot unload an
   * ES module, so importing the same bytes again from a new folder only adds a copy that
   * stays forever; the same integrity is the same code, so a reload reuses its features.
   */
  imported: Map<string, BackendFeatureInput[]>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const keyOf = (row: InstalledRow) => `${row.enabled_version}\n${row.config}`;

async function importFeatures(entry: string): Promise<BackendFeatureInput[]> {
  const module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  if (!module.default)
    throw new Error(`its backend entry ${entry} has no default export (the plugin or module)`);
  return [module.default as BackendFeatureInput];
}

/** Switches to a prepared generation once healthy; a failure discards it and leaves the serving one. */
async function switchTo(prepared: PreparedPlugin): Promise<void> {
  try {
    await prepared.checkHealth();
    await prepared.activate();
  } catch (error) {
    await prepared.discard().catch(() => undefined);
    throw error;
  }
}

/**
 * Prepares a loaded package's backend beside what serves. A plugin gets its config; a
 * module restarts the plugin it extends (a built-in one too) with it, and that plugin
 * keeps its own config.
 */
async function prepareLoaded(
  state: ReconcileState,
  loaded: LoadedPackage,
  row: InstalledRow,
  stored: { version: string; integrity: string },
) {
  if (!loaded.backendEntry) return;
  const features = state.imported.get(stored.integrity) ?? (await importFeatures(loaded.backendEntry));
  state.imported.set(stored.integrity, features);
  const { version } = stored;
  const isModule = loaded.package.declaration.role === 'module';
  await switchTo(
    await state.runtime.prepare({
      features,
      version,
      ...(isModule ? {} : { config: JSON.parse(row.config) as JsonObject }),
    }),
  );
}

/** Loads the desired version and, for a backend, prepares it beside the serving one and switches once healthy. */
async function start(state: ReconcileState, row: InstalledRow): Promise<void> {
  const version = row.enabled_version ?? '';
  const stored = await state.store.version(row.plugin_id, version);
  if (!stored) throw new Error(`version ${version} is not installed`);
  const loaded = await loadPackage(stored, {
    directory: state.directory,
    hostApiVersion: state.runtime.hostApiVersion,
    maxBytes: state.maxBytes,
  });
  try {
    await prepareLoaded(state, loaded, row, stored);
  } catch (error) {
    await removeUnpacked(state, loaded);
    throw error;
  }
  const previous = state.serving.get(row.plugin_id);
  const frontendChanged = Boolean(loaded.frontendDir || previous?.loaded.frontendDir);
  const { plugin_id: pluginId, package_name: packageName } = row;
  state.serving.set(pluginId, {
    pluginId,
    packageName,
    version,
    integrity: stored.integrity,
    key: keyOf(row),
    loaded,
  });
  if (frontendChanged) state.onFrontendsChanged?.();
  if (previous) await removeUnpacked(state, previous.loaded);
}

/**
 * Removes a load's unpacked folder once nothing serves from it (its generation stopped).
 * Its ES modules stay in Node's module cache: files, not memory, are what this frees.
 */
async function removeUnpacked(state: ReconcileState, loaded: LoadedPackage): Promise<void> {
  await rm(loaded.dir, { recursive: true, force: true }).catch((error: Error) =>
    state.logger.warn(`could not remove the unpacked package ${loaded.dir}: ${error.message}`),
  );
}

/** Stops what a serving package runs here: a plugin stops; a module's plugin restarts without it. */
async function stopLoaded(state: ReconcileState, current: Serving, reason: string): Promise<void> {
  const { declaration } = current.loaded.package;
  if (declaration.role === 'module' && declaration.pluginId) {
    const pluginId = declaration.pluginId;
    await switchTo(await state.runtime.prepareWithout(pluginId, [`${pluginId}.${declaration.id}`]));
    return;
  }
  await state.runtime.stop(current.pluginId, reason);
}

async function converge(state: ReconcileState, row: InstalledRow): Promise<void> {
  const { store, backendId, failed } = state;
  const current = state.serving.get(row.plugin_id);
  if (current?.key === keyOf(row)) {
    // Back to what serves (an admin's change was refused and reverted): report it serving again.
    if (failed.delete(row.plugin_id))
      await store.report(backendId, row.plugin_id, { version: current.version, state: 'serving' });
    return;
  }
  if (failed.get(row.plugin_id)?.key === keyOf(row)) return;
  try {
    await start(state, row);
    failed.delete(row.plugin_id);
    await store.report(backendId, row.plugin_id, { version: row.enabled_version, state: 'serving' });
    state.logger.info(`plugin '${row.plugin_id}' version ${row.enabled_version} serves on this backend`);
  } catch (error) {
    failed.set(row.plugin_id, { key: keyOf(row), error });
    state.logger.warn(
      `plugin '${row.plugin_id}' version ${row.enabled_version} did not start: ${reasonOf(error)}`,
    );
    const version = current?.version ?? null;
    await store.report(backendId, row.plugin_id, { version, state: 'failed', error: reasonOf(error) });
  }
}

async function stop(
  state: ReconcileState,
  pluginId: string,
  reason: string,
  installed: boolean,
): Promise<void> {
  const current = state.serving.get(pluginId);
  if (!current) return;
  if (current.loaded.backendEntry)
    await stopLoaded(state, current, reason).catch((error: unknown) => state.logger.warn(reasonOf(error)));
  state.serving.delete(pluginId);
  state.failed.delete(pluginId);
  await removeUnpacked(state, current.loaded);
  if (current.loaded.frontendDir) state.onFrontendsChanged?.();
  if (installed) await state.store.report(state.backendId, pluginId, { version: null, state: 'stopped' });
  else await state.store.forgetStatus(state.backendId, pluginId);
}

async function run(state: ReconcileState): Promise<void> {
  await state.store.seen(state.backendId);
  const rows = await state.store.listRows();
  const desired = new Map(rows.map((row) => [row.plugin_id, row]));
  for (const [pluginId] of state.serving) {
    const row = desired.get(pluginId);
    if (!row) await stop(state, pluginId, 'uninstalled by an admin', false);
    else if (row.state !== 'enabled') await stop(state, pluginId, 'disabled by an admin', true);
  }
  for (const row of rows) {
    if (row.state === 'enabled' && row.enabled_version) await converge(state, row);
    else if (!state.serving.has(row.plugin_id))
      await state.store.report(state.backendId, row.plugin_id, { version: null, state: 'stopped' });
  }
}

/**
 * Makes this backend serve what the desired state says: prepares the enabled version
 * beside the serving one, activates it once healthy (the old one keeps serving on any
 * failure), stops what is disabled or uninstalled, and reports each plugin's state under
 * this backend's id. Runs are serialised; a request during a run schedules one more.
 */
export function createReconciler(options: ReconcilerOptions) {
  const state: ReconcileState = {
    ...options,
    backendId: options.backendId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    serving: new Map(),
    failed: new Map(),
    imported: new Map(),
  };
  let running: Promise<void> | undefined;
  let again = false;
  return {
    backendId: state.backendId,
    /** Plugins this backend serves now. */
    serving: () => [...state.serving.values()],
    /** Why the desired state of a plugin failed on this backend, if it did. */
    failure: (pluginId: string): unknown => state.failed.get(pluginId)?.error,
    /** Converges now; resolves when a run that started after this call finished. */
    reconcile(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await run(state);
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    /** Stops every runtime plugin this backend serves (backend shutdown). */
    async stopAll(): Promise<void> {
      for (const pluginId of [...state.serving.keys()])
        await stop(state, pluginId, 'the backend is stopping', true);
    },
  };
}

/** A backend's reconciler. */
export type Reconciler = ReturnType<typeof createReconciler>;
