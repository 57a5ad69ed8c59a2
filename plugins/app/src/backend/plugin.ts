import { coreServices, definePlugin } from '@atrium/kernel';
import { appApi } from '../common/app-api.js';
import { appPermissionList } from '../common/app-permissions.js';
import { appConfigSchema } from './app-config-schema.js';
import { appErrorCodes } from './app-error-codes.js';
import { serveFeatureBundles } from './features/serve-feature-bundles.js';
import { buildFrontendConfig } from './frontend-config.js';
import { LAYOUT_CHANGED_TOPIC, layoutRoutes } from './layout/layout-routes.js';
import { createLayoutStore } from './layout/layout-store.js';
import { appMigrations } from './layout/migrations.js';
import { locateBundle } from './locate-bundle.js';
import { appFrontendFeaturesExtensionPoint } from './runtime/frontend-feature-source.js';
import { serveBundle } from './serve-bundle.js';
import { createLiveFrontend } from './state/live-frontend.js';
import { createStatefulIndex } from './state/stateful-index.js';

/**
 * Serves the built web app at `/` with SPA fallback, the frontend-visible config, the
 * frontend feature bundles (`app.features` and runtime sources'), the layout saved in the UI,
 * and the live frontend state that open browsers apply without a reload.
 */
export const appPlugin = definePlugin({
  id: 'app',
  description: 'Serves the web app, its feature bundles, the portal layout and the live frontend state',
  config: appConfigSchema,
  deps: {
    http: coreServices.httpRouter,
    root: coreServices.rootHttpRouter,
    rootConfig: coreServices.rootConfig,
    instance: coreServices.instanceMetadata,
    logger: coreServices.logger,
    database: coreServices.database,
    events: coreServices.events,
    permissions: coreServices.permissions,
    auditor: coreServices.auditor,
  },
  permissions: appPermissionList,
  migrations: appMigrations,
  apis: [appApi],
  errorCodes: [appErrorCodes],
  extensionPoints: { frontendFeatures: appFrontendFeaturesExtensionPoint },
  async init({ deps, config, extensions }) {
    const frontendConfig = buildFrontendConfig(deps.instance.getInstalledPlugins(), deps.rootConfig);
    const dir = locateBundle(config, process.cwd(), deps.logger);
    const base = config.extensions ?? [];
    const store = createLayoutStore(deps.database);
    const live = await createLiveFrontend({
      config,
      dir,
      sources: extensions.frontendFeatures,
      extensions: async () => [...base, ...(await store.get()).overrides],
      logger: deps.logger,
    });
    deps.http.implement(appApi, {
      getConfig: () => frontendConfig,
      getFrontendState: () => live.hub.current(),
      streamFrontendState: live.stream.handler,
      ...layoutRoutes({ store, base, ...deps }),
    });
    const index = await createStatefulIndex({ dir, frontendConfig, hub: live.hub, logger: deps.logger }, () =>
      live.reloadAll(),
    );
    deps.root.use('/', async (app) => {
      serveFeatureBundles(app, live.served);
      await serveBundle(app, dir, index);
    });
    deps.logger.info(`serving the web app from ${dir}`);
    for (const feature of live.hub.current().features)
      deps.logger.info(`serving frontend feature '${feature.name}' at ${feature.url}`);
    const stops: (() => void)[] = [];
    return {
      async start() {
        stops.push(live.listen());
        stops.push(
          await deps.events.subscribe({
            id: 'app.layout',
            topics: [LAYOUT_CHANGED_TOPIC],
            onEvent: () => live.hub.refresh(),
          }),
        );
      },
      async stop() {
        for (const stop of stops) stop();
        live.stream.closeAll();
      },
    };
  },
});
