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
}

type Action = PluginHistoryEvent['action'];
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Desired-state changes: each converges this backend first, then tells the others. */
export function createLifecycle(deps: LifecycleDeps) {
  const { store, reconciler } = deps;

  async function requireRow(pluginId: string): Promise<InstalledRow> {
    const row = await store.installedRow(pluginId);
    if (!row)
      throw new NotFoundError(`plugin '${pluginId}' is not installed`, {
        code: pluginsErrorCodes.PLUGINS_NOT_INSTALLED,
      });
    return row;
  }

  async function declarationOf(pluginId: string, version: string): Promise<PluginDeclaration> {
    const stored = await store.version(pluginId, version);
    if (!stored)
      throw new NotFoundError(`plugin '${pluginId}' has no installed version ${version}`, {
        code: pluginsErrorCodes.PLUGINS_NOT_INSTALLED,
      });
    return JSON.parse(stored.declaration) as PluginDeclaration;
  }

  async function current(pluginId: string): Promise<InstalledPlugin> {
    const plugin = await store.get(pluginId);
    if (!plugin) throw new NotFoundError(`plugin '${pluginId}' is not installed`);
    return plugin;
  }

  /** Applies a change; when this backend cannot serve it, restores the state before and throws why. */
  async function apply(
    row: InstalledRow,
    patch: DesiredPatch,
    event: { action: Action; version?: string; actor?: string; message: string },
  ) {
    await store.setDesired(row.plugin_id, patch);
    await reconciler.reconcile();
    const failure = reconciler.failure(row.plugin_id);
    if (failure !== undefined) {
      const { state, enabled_version, previous_version, config } = row;
      await store.setDesired(row.plugin_id, { state, enabled_version, previous_version, config });
      await reconciler.reconcile();
      const message = `${event.action} of plugin '${row.plugin_id}'${event.version ? ` to version ${event.version}` : ''} was refused: ${reasonOf(failure)}`;
      await store.addHistory({
        pluginId: row.plugin_id,
        action: 'refused',
        version: event.version,
        actor: event.actor,
        message,
      });
      throw new InputError(`${message}. The state before is kept`, {
        code: pluginsErrorCodes.PLUGINS_START_FAILED,
      });
    }
    await store.addHistory({ pluginId: row.plugin_id, ...event });
    await deps.events.publish({ topic: DESIRED_CHANGED_TOPIC, eventPayload: { pluginId: row.plugin_id } });
    return current(row.plugin_id);
  }

  async function newestVersion(pluginId: string): Promise<string> {
    const plugin = await current(pluginId);
    const versions = plugin.versions.map((v) => v.version).sort(semver.rcompare);
    return versions[0] ?? '';
  }

  return {
    /** Serves `version` (enable, upgrade or rollback), with `config` when given. */
    async setVersion(input: {
      pluginId: string;
      version?: string;
      config?: Record<string, unknown>;
      action: Action;
      actor?: string;
    }) {
      const row = await requireRow(input.pluginId);
      const version =
        input.version ??
        (input.action === 'rollback' ? row.previous_version : null) ??
        (await newestVersion(input.pluginId));
      const declaration = await declarationOf(input.pluginId, version);
      const config = input.config ?? (JSON.parse(row.config) as Record<string, unknown>);
      validatePluginConfig(input.pluginId, declaration.configSchema, config);
      if (input.action === 'upgrade' && row.enabled_version && !semver.gt(version, row.enabled_version))
        throw new InputError(
          `version ${version} of plugin '${input.pluginId}' is not newer than the serving ${row.enabled_version}; use rollback to go back`,
        );
      const switching = row.state === 'enabled' && row.enabled_version && row.enabled_version !== version;
      return apply(
        row,
        {
          state: 'enabled',
          enabled_version: version,
          previous_version: switching ? row.enabled_version : row.previous_version,
          config: JSON.stringify(config),
        },
        {
          action: input.action,
          version,
          actor: input.actor,
          message: switching
            ? `${input.action}: ${row.enabled_version} → ${version}`
            : `${input.action}: version ${version}`,
        },
      );
    },
    async configure(pluginId: string, config: Record<string, unknown>, actor?: string) {
      const row = await requireRow(pluginId);
      const version = row.enabled_version ?? (await newestVersion(pluginId));
      validatePluginConfig(pluginId, (await declarationOf(pluginId, version)).configSchema, config);
      const keys = Object.keys(config).join(', ') || 'none';
      return apply(
        row,
        { config: JSON.stringify(config) },
        { action: 'configure', version, actor, message: `config set (keys: ${keys})` },
      );
    },
    async disable(pluginId: string, actor?: string) {
      const row = await requireRow(pluginId);
      return apply(
        row,
        { state: 'disabled' },
        {
          action: 'disable',
          version: row.enabled_version ?? undefined,
          actor,
          message: 'disabled: its routes answer 404 PLUGIN_DISABLED; versions, config and data are kept',
        },
      );
    },
    async uninstall(pluginId: string, actor?: string) {
      const row = await requireRow(pluginId);
      await store.remove(pluginId);
      await reconciler.reconcile();
      await store.addHistory({
        pluginId,
        action: 'uninstall',
        version: row.enabled_version ?? undefined,
        actor,
        message: 'uninstalled: every version removed; its database data is kept',
      });
      await deps.events.publish({ topic: DESIRED_CHANGED_TOPIC, eventPayload: { pluginId } });
    },
    current,
  };
}

/** The lifecycle actions. */
export type Lifecycle = ReturnType<typeof createLifecycle>;
