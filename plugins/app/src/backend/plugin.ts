import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, serializeError } from '@atrium/errors';
import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin } from '@atrium/kernel';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { appConfigSchema } from './app-config-schema.js';
import { appErrorCodes } from './app-error-codes.js';
import { injectFeatures } from './features/inject-features.js';
import { loadConfiguredFeatures } from './features/load-configured-features.js';
import { serveFeatureBundles } from './features/serve-feature-bundles.js';
import { buildFrontendConfig, injectConfig } from './frontend-config.js';
import { locateBundle } from './locate-bundle.js';

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

const IMMUTABLE = 'public, max-age=31536000, immutable';
const reserved = /^\/(api|\.well-known|\.backstage)(\/|$)|^\/metrics$/;

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
    const features = await loadConfiguredFeatures(config.features, {
      rootDir: process.cwd(),
      bundleDir: dir,
    });
    const indexHtml = injectFeatures(
      injectConfig(readFileSync(join(dir, 'index.html'), 'utf8'), frontendConfig),
      features,
    );

    deps.root.use('/', async (app) => {
      await app.register(fastifyStatic, {
        root: dir,
        wildcard: false,
        index: false,
        preCompressed: true,
        cacheControl: false,
        // Hashed assets never change under their name; everything else is revalidated.
        setHeaders: (res, path) =>
          res.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
      });
      const serveIndex = async (
        request: import('fastify').FastifyRequest,
        reply: import('fastify').FastifyReply,
      ) => {
        const path = request.url.split('?')[0] ?? '/';
        if (reserved.test(path) || path.startsWith('/assets/')) {
          const error = new NotFoundError(`No route for ${request.method} ${path}`);
          return reply
            .code(404)
            .send(serializeError(error, { request: { method: request.method, url: request.url } }));
        }
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
      };
      serveFeatureBundles(app, features);
      app.get('/', serveIndex);
      app.get('/*', serveIndex);
    });
    deps.logger.info(`serving the web app from ${dir}`);
    for (const feature of features)
      deps.logger.info(`serving frontend feature '${feature.name}' at ${feature.entryUrl}`);
  },
});
