import { coreServices, definePlugin } from '@atrium/kernel';
import { appApi } from '../common/app-api.js';
import { appConfigSchema } from './app-config-schema.js';
import { appErrorCodes } from './app-error-codes.js';
import { createFeatureSet } from './features/feature-set.js';
import { loadConfiguredFeatures } from './features/load-configured-features.js';
import { readSharedModules } from './features/read-shared-modules.js';
import { serveFeatureBundles } from './features/serve-feature-bundles.js';
import { buildFrontendConfig } from './frontend-config.js';
import { locateBundle } from './locate-bundle.js';
import { appFrontendFeaturesExtensionPoint } from './runtime/frontend-feature-source.js';
import { createRuntimeFeatures } from './runtime/runtime-features.js';
import { serveBundle } from './serve-bundle.js';
import { createFrontendStateHub } from './state/frontend-state-hub.js';
import { createStatefulIndex } from './state/stateful-index.js';
import { createFrontendStateStream } from './state/stream-frontend-state.js';

/**
 * Serves the built web app at `/` with SPA fallback, the frontend-visible config, the
 * frontend feature bundles (`app.features` and runtime sources'), and the live frontend
 * state that open browsers apply without a reload.
 */
export const appPlugin = definePlugin({
  id: 'app',
  description: 'Serves the web app bundle, the frontend-visible config and the live frontend state',
  config: appConfigSchema,
  deps: {
    http: coreServices.httpRouter,
    root: coreServices.rootHttpRouter,
    rootConfig: coreServices.rootConfig,
    instance: coreServices.instanceMetadata,
    logger: coreServices.logger,
  },
  apis: [appApi],
  errorCodes: [appErrorCodes],
  extensionPoints: { frontendFeatures: appFrontendFeaturesExtensionPoint },
  async init({ deps, config, extensions }) {
    const frontendConfig = buildFrontendConfig(deps.instance.getInstalledPlugins(), deps.rootConfig);
    const dir = locateBundle(config, process.cwd(), deps.logger);
    const configured = createFeatureSet(() =>
      loadConfiguredFeatures(config.features, { rootDir: process.cwd(), bundleDir: dir }),
    );
    const runtime = createRuntimeFeatures(
      extensions.frontendFeatures,
      () => readSharedModules(dir),
      deps.logger,
    );
    await Promise.all([configured.load(), runtime.set.load()]);
    const hub = await createFrontendStateHub({
      features: () => [...configured.current(), ...runtime.set.current()],
      extensions: async () => config.extensions ?? [],
    });
    const stream = createFrontendStateStream(hub);
    deps.http.implement(appApi, {
      getConfig: () => frontendConfig,
      getFrontendState: () => hub.current(),
      streamFrontendState: stream.handler,
    });
    // A rebuilt web app has new shared-module URLs: its feature bundles are rewritten for it.
    const index = await createStatefulIndex({ dir, frontendConfig, hub, logger: deps.logger }, async () => {
      await Promise.all([configured.load(), runtime.set.load()]);
      await hub.refresh();
    });
    deps.root.use('/', async (app) => {
      serveFeatureBundles(app, () => [...configured.served(), ...runtime.set.served()]);
      await serveBundle(app, dir, index);
    });
    deps.logger.info(`serving the web app from ${dir}`);
    for (const feature of hub.current().features)
      deps.logger.info(`serving frontend feature '${feature.name}' at ${feature.url}`);
    let stopListening: (() => void) | undefined;
    return {
      async start() {
        stopListening = runtime.listen(() => hub.refresh());
      },
      async stop() {
        stopListening?.();
        stream.closeAll();
      },
    };
  },
});
