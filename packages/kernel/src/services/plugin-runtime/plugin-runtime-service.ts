import type { BackendFeatureInput } from '../../definitions/feature.js';
import type { JsonObject } from '../config/config-reader.js';

/** What {@link PluginRuntimeService.prepare} boots: one plugin and its modules, as a new generation. */
export interface PrepareRequest {
  /**
   * One plugin and any modules of it. Modules alone re-prepare the plugin they extend with
   * its current modules plus these (a module of the same id replaces the old one): a
   * serving runtime plugin, or a built-in plugin of backend.features, which then restarts
   * in-process as a generation (its boot-time instance stops once the generation is
   * activated; the rest of the backend is untouched).
   */
  features: BackendFeatureInput[];
  /** The package version, shown in `list()` and in every error about this generation. */
  version: string;
  /**
   * The plugin's config subtree (what would sit under its config key in app-config),
   * validated with its schema. Without it, the app config's subtree is used.
   */
  config?: JsonObject;
}

/** A generation that booted beside the serving one and does not serve yet. */
export interface PreparedPlugin {
  readonly pluginId: string;
  readonly version: string;
  /** Runs the plugin's health checks (`health` hook of its init); throws PLUGIN_HEALTH_FAILED with the reason. */
  checkHealth(): Promise<void>;
  /** Atomically routes `/api/<pluginId>/*` to this generation; the previous one drains and stops. */
  activate(): Promise<void>;
  /** Tears down a generation that will not be activated (failed health, superseded). */
  discard(): Promise<void>;
}

/** A runtime plugin as this backend serves it. */
export interface RuntimePluginState {
  pluginId: string;
  version: string;
  /** When the current generation started serving (ISO time), or was stopped. */
  since: string;
  state: 'serving' | 'stopped';
  /** Module ids (`<plugin>.<module>`) in the serving generation. */
  modules: string[];
  /** Why it was stopped (the reason given to `stop`). */
  reason?: string;
}

/**
 * Boots, switches and stops plugins in a running backend ("runtime plugins"), beside the
 * built-in ones from `backend.features`. Only the plugins manager should depend on it:
 * code it loads runs with the full rights of the backend process (docs/security.md).
 *
 * @example
 * const next = await runtime.prepare({ features: [await import(entry)], version: '1.2.0' });
 * try { await next.checkHealth(); } catch (error) { await next.discard(); throw error; }
 * await next.activate();
 */
export interface PluginRuntimeService {
  /** Host API version the kernel offers (semver), checked against a package's `atrium.hostApi` range. */
  readonly hostApiVersion: string;
  /**
   * Boots one plugin (with its modules) as a new generation beside the serving one: config
   * validated, migrations, plugin-scoped services, init, start hooks. Routes are not served yet.
   * Throws PLUGIN_INIT_FAILED (naming plugin, version and reason) and leaves the serving one as it was.
   */
  prepare(request: PrepareRequest): Promise<PreparedPlugin>;
  /**
   * Boots the next generation of a serving runtime plugin, or of a built-in plugin, without
   * the given modules (full ids `<plugin>.<module>`): a module uninstalled at runtime. The
   * serving one keeps serving until the new generation is activated.
   */
  prepareWithout(pluginId: string, moduleIds: readonly string[]): Promise<PreparedPlugin>;
  /**
   * Drops the stored data of a runtime plugin that no longer serves here (uninstalled with
   * purge): its database schema or file, through the kernel's database manager. Refuses a
   * built-in plugin (PLUGIN_BUILT_IN) and one that serves (PLUGIN_RUNTIME_INVALID: stop it first).
   */
  purge(pluginId: string): Promise<void>;
  /** Runtime plugins of this backend: serving, or stopped with their reason. */
  list(): RuntimePluginState[];
  /**
   * Stops serving a runtime plugin (not a built-in one: PLUGIN_BUILT_IN): routes answer 404 with code PLUGIN_DISABLED and a message naming the
   * plugin; requests in flight finish; shutdown hooks run.
   */
  stop(pluginId: string, reason: string): Promise<void>;
}
