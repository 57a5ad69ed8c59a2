import { InputError, NotFoundError } from '@atrium/errors';
import type { EventsService } from '@atrium/kernel';
import semver from 'semver';
import type { InstalledPlugin, PluginDeclaration, PluginHistoryEvent } from '../../common/index.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';
import type { Reconciler } from '../reconcile/reconciler.js';
import type { DesiredPatch, PluginsStore } from '../store/plugins-store.js';
import type { InstalledRow } from '../store/tables.js';
import { validatePluginConfig } from './validate-config.js';

/** The topic every backend's reconciler listens to. */
export const DESIRED_CHANGED_TOPIC = 'plugins.desired.changed';

/** What lifecycle actions need. */
export interface LifecycleDeps {
  store: PluginsStore;
  reconciler: Reconciler;
  events: EventsService;
  /** Drops a stopped plugin's stored data (the kernel runtime's purge). */
  purgeData(pluginId: string): Promise<void>;
}

type Action = PluginHistoryEvent['action'];
type HistoryEntry = { action: Action; version?: string; actor?: string; message: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const notInstalled = (what: string) =>
  new NotFoundError(`${what} is not installed`, { code: pluginsErrorCodes.PLUGINS_NOT_INSTALLED });

async function requireRow(store: PluginsStore, pluginId: string): Promise<InstalledRow> {
  const row = await store.installedRow(pluginId);
  if (!row) throw notInstalled(`plugin '${pluginId}'`);
  return row;
}

async function current(store: PluginsStore, pluginId: string): Promise<InstalledPlugin> {
  const plugin = await store.get(pluginId);
  if (!plugin) throw notInstalled(`plugin '${pluginId}'`);
  return plugin;
}

async function declarationOf(
  store: PluginsStore,
  pluginId: string,
  version: string,
): Promise<PluginDeclaration> {
  const stored = await store.version(pluginId, version);
  if (!stored) throw notInstalled(`version ${version} of plugin '${pluginId}'`);
  return JSON.parse(stored.declaration) as PluginDeclaration;
}

async function newestVersion(store: PluginsStore, pluginId: string): Promise<string> {
  const versions = (await current(store, pluginId)).versions.map((v) => v.version).sort(semver.rcompare);
  return versions[0] ?? '';
}

/**
 * Applies a change of desired state and converges this backend first. When this backend
 * cannot serve it (init, config or health failed), the state before is restored and the
 * reason thrown; otherwise the other backends are told.
 */
async function apply(deps: LifecycleDeps, row: InstalledRow, patch: DesiredPatch, entry: HistoryEntry) {
  const { store, reconciler } = deps;
  await store.setDesired(row.plugin_id, patch);
  await reconciler.reconcile();
  const failure = reconciler.failure(row.plugin_id);
  if (failure !== undefined) {
    const { state, enabled_version, previous_version, config } = row;
    await store.setDesired(row.plugin_id, { state, enabled_version, previous_version, config });
    await reconciler.reconcile();
    const target = entry.version ? ` to version ${entry.version}` : '';
    const message = `${entry.action} of plugin '${row.plugin_id}'${target} was refused: ${reasonOf(failure)}`;
    await store.addHistory({ ...entry, pluginId: row.plugin_id, action: 'refused', message });
    throw new InputError(`${message}. The state before is kept`, {
      code: pluginsErrorCodes.PLUGINS_START_FAILED,
    });
  }
  await store.addHistory({ pluginId: row.plugin_id, ...entry });
  await deps.events.publish({ topic: DESIRED_CHANGED_TOPIC, eventPayload: { pluginId: row.plugin_id } });
  return current(store, row.plugin_id);
}

/** What `setVersion` takes. */
export interface SetVersionInput {
  pluginId: string;
  version?: string;
  config?: Record<string, unknown>;
  action: 'enable' | 'upgrade' | 'rollback';
  actor?: string;
}

/** Serves `version` (enable, upgrade or rollback), with `config` when given. */
async function setVersion(deps: LifecycleDeps, input: SetVersionInput) {
  const { store } = deps;
  const row = await requireRow(store, input.pluginId);
  const version =
    input.version ??
    (input.action === 'rollback' ? row.previous_version : null) ??
    (await newestVersion(store, input.pluginId));
  const declaration = await declarationOf(store, input.pluginId, version);
  const config = input.config ?? (JSON.parse(row.config) as Record<string, unknown>);
  validatePluginConfig(input.pluginId, declaration.configSchema, config);
  if (input.action === 'upgrade' && row.enabled_version && !semver.gt(version, row.enabled_version))
    throw new InputError(
      `version ${version} of plugin '${input.pluginId}' is not newer than the serving ${row.enabled_version}; use rollback to go back`,
    );
  const switching = row.state === 'enabled' && row.enabled_version && row.enabled_version !== version;
  const patch = {
    state: 'enabled',
    enabled_version: version,
    previous_version: switching ? row.enabled_version : row.previous_version,
    config: JSON.stringify(config),
  };
  const message = switching
    ? `${input.action}: ${row.enabled_version} → ${version}`
    : `${input.action}: version ${version}`;
  return apply(deps, row, patch, { action: input.action, version, actor: input.actor, message });
}

async function uninstall(
  deps: LifecycleDeps,
  pluginId: string,
  options: { actor?: string; purge?: boolean },
): Promise<void> {
  const row = await requireRow(deps.store, pluginId);
  await deps.store.remove(pluginId);
  await deps.reconciler.reconcile();
  // A module stores nothing of its own: its plugin's data is the plugin's.
  const purged = options.purge === true && row.role === 'plugin';
  if (purged) await deps.purgeData(pluginId);
  await deps.store.addHistory({
    pluginId,
    action: 'uninstall',
    version: row.enabled_version ?? undefined,
    actor: options.actor,
    message: purged
      ? 'uninstalled and purged: every version removed and its database data dropped'
      : 'uninstalled: every version removed; its database data is kept',
  });
  await deps.events.publish({ topic: DESIRED_CHANGED_TOPIC, eventPayload: { pluginId } });
}

/** Desired-state changes: each converges this backend first, then tells the others. */
export function createLifecycle(deps: LifecycleDeps) {
  const { store } = deps;
  return {
    setVersion: (input: SetVersionInput) => setVersion(deps, input),
    async configure(pluginId: string, config: Record<string, unknown>, actor?: string) {
      const row = await requireRow(store, pluginId);
      const version = row.enabled_version ?? (await newestVersion(store, pluginId));
      validatePluginConfig(pluginId, (await declarationOf(store, pluginId, version)).configSchema, config);
      const message = `config set (keys: ${Object.keys(config).join(', ') || 'none'})`;
      return apply(
        deps,
        row,
        { config: JSON.stringify(config) },
        { action: 'configure', version, actor, message },
      );
    },
    async disable(pluginId: string, actor?: string) {
      const row = await requireRow(store, pluginId);
      const message = 'disabled: its routes answer 404 PLUGIN_DISABLED; versions, config and data are kept';
      const version = row.enabled_version ?? undefined;
      return apply(deps, row, { state: 'disabled' }, { action: 'disable', version, actor, message });
    },
    uninstall: (pluginId: string, options: { actor?: string; purge?: boolean }) =>
      uninstall(deps, pluginId, options),
    current: (pluginId: string) => current(store, pluginId),
  };
}

/** The lifecycle actions. */
export type Lifecycle = ReturnType<typeof createLifecycle>;
