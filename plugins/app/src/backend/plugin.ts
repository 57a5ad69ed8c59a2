import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin } from '@atrium/kernel';
import { z } from 'zod';
import { appConfigSchema } from './app-config-schema.js';
import { appErrorCodes } from './app-error-codes.js';
import { createFeatureSet } from './features/feature-set.js';
import { injectFeatures } from './features/inject-features.js';
import { loadConfiguredFeatures } from './features/load-configured-features.js';
import { serveFeatureBundles } from './features/serve-feature-bundles.js';
import { buildFrontendConfig, injectConfig } from './frontend-config.js';
import { locateBundle } from './locate-bundle.js';
import { serveBundle } from './serve-bundle.js';
import { createServedIndex } from './served-index.js';

/** The app plugin's own API: the frontend config for `vite dev`. */
export const appApi = defineHttpApi({
  title: 'App',
  routes: {
    getConfig: {
      method: 'GET',
      path: '/config',
      access: 'public',
      summary: 'The frontend-visible config (the same JSON the served index.html carries)',
      response: z.record(z.string(), z.unknown()),
    },
  },
});

/**
 * Serves the built web app at `/` with SPA fallback, the frontend-visible config, and the
 * frontend feature bundles `app.features` lists.
 */
export const appPlugin = definePlugin({
  id: 'app',
  description: 'Serves the web app bundle and the frontend-visible config',
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
  async init({ deps, config }) {
    const frontendConfig = buildFrontendConfig(deps.instance.getInstalledPlugins(), deps.rootConfig);
    deps.http.implement(appApi, { getConfig: () => frontendConfig });
    const dir = locateBundle(config, process.cwd(), deps.logger);
    const features = createFeatureSet(() =>
      loadConfiguredFeatures(config.features, { rootDir: process.cwd(), bundleDir: dir }),
    );
    await features.load();
    // A rebuilt web app has new shared-module URLs: its feature bundles are rewritten for it.
    const index = await createServedIndex(
      dir,
      async (page, rebuilt) => {
        if (rebuilt) await features.load();
        return injectFeatures(injectConfig(page, frontendConfig), features.current());
      },
      deps.logger,
    );
    deps.root.use('/', async (app) => {
      serveFeatureBundles(app, features.served);
      await serveBundle(app, dir, index);
    });
    deps.logger.info(`serving the web app from ${dir}`);
    for (const feature of features.current())
      deps.logger.info(`serving frontend feature '${feature.name}' at ${feature.entryUrl}`);
  },
});
