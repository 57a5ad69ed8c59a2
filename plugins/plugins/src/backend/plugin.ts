import { coreServices, definePlugin, durationToMs } from '@atrium/kernel';
import { PLUGINS_FRONTENDS_CHANGED_TOPIC, pluginsApi, pluginsPermissionList } from '../common/index.js';
import { pluginsConfigSchema } from './config.js';
import { createLifecycle, DESIRED_CHANGED_TOPIC } from './manager/lifecycle.js';
import { pluginsErrorCodes } from './plugins-error-codes.js';
import { createReconciler } from './reconcile/reconciler.js';
import { pluginsRoutes } from './routes/plugins-routes.js';
import { pluginsMigrations } from './store/migrations.js';
import { createPluginsStore } from './store/plugins-store.js';
import type { PluginsTables } from './store/tables.js';

/**
 * The plugin manager at `/api/plugins`: installs plugin packages (uploaded tarball, a
 * folder under `plugins.allowedRoots`, `name@version` from `plugins.registry`), keeps the
 * desired state in its tables, and makes this backend converge to it through the kernel's
 * plugin runtime, on every change (events) and every `plugins.resyncInterval`.
 *
 * @example
 * backend.add(pluginsPlugin); // or backend.features: ['@atrium/plugins/backend']
 */
export const pluginsPlugin = definePlugin({
  id: 'plugins',
  description: 'The plugin manager: installs, upgrades, rolls back and removes plugins in a running portal',
  config: pluginsConfigSchema,
  deps: {
    database: coreServices.database,
    http: coreServices.httpRouter,
    logger: coreServices.logger,
    permissions: coreServices.permissions,
    auditor: coreServices.auditor,
    events: coreServices.events,
    urlReader: coreServices.urlReader,
    runtime: coreServices.pluginRuntime,
  },
  permissions: pluginsPermissionList,
  migrations: pluginsMigrations,
  apis: [pluginsApi],
  errorCodes: [pluginsErrorCodes],
  fileRoots: (config) => [{ setting: 'plugins.allowedRoots', paths: config.allowedRoots }],
  async init({ deps, config }) {
    const store = createPluginsStore(deps.database, await deps.database.getClient<PluginsTables>());
    const reconciler = createReconciler({
      store,
      runtime: deps.runtime,
      logger: deps.logger,
      directory: config.directory,
      maxBytes: config.maxTarballBytes,
      backendId: config.backendId,
      onFrontendsChanged: () => {
        void deps.events
          .publish({ topic: PLUGINS_FRONTENDS_CHANGED_TOPIC, eventPayload: {} })
          .catch((error: Error) =>
            deps.logger.warn(`could not announce a frontend change: ${error.message}`),
          );
      },
    });
    const lifecycle = createLifecycle({
      store,
      reconciler,
      events: deps.events,
      purgeData: (pluginId) => deps.runtime.purge(pluginId),
    });
    const install = { store, config, urlReader: deps.urlReader, hostApiVersion: deps.runtime.hostApiVersion };
    deps.http.implement(
      pluginsApi,
      pluginsRoutes({ install, lifecycle, reconciler, permissions: deps.permissions, auditor: deps.auditor }),
    );
    const resync = () =>
      reconciler
        .reconcile()
        .catch((error: Error) => deps.logger.warn(`plugin reconcile failed: ${error.message}`));
    const unsubscribe = await deps.events.subscribe({
      id: 'plugins.reconciler',
      topics: [DESIRED_CHANGED_TOPIC],
      onEvent: resync,
    });
    const timer = setInterval(resync, durationToMs(config.resyncInterval));
    timer.unref();
    return {
      start: resync,
      stop: async () => {
        clearInterval(timer);
        unsubscribe();
        await reconciler.stopAll();
      },
    };
  },
});

export default pluginsPlugin;
