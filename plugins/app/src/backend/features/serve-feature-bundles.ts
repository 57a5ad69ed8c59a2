import { NotFoundError } from '@atrium/errors';
import type { FastifyInstance } from 'fastify';
import type { LoadedFeatureBundle } from './load-feature-bundle.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function fileAt(bundles: readonly LoadedFeatureBundle[], path: string) {
  for (const bundle of bundles) {
    if (!path.startsWith(bundle.basePath)) continue;
    const file = bundle.files.get(path.slice(bundle.basePath.length));
    if (file) return file;
  }
  return undefined;
}

/**
 * Answers `GET /assets/features/<bundle>/<file>` from the bundles held in memory; `bundles`
 * is read per request, since a rebuilt web app reloads them.
 */
export function serveFeatureBundles(
  app: FastifyInstance,
  bundles: () => readonly LoadedFeatureBundle[],
): void {
  app.get('/assets/features/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const file = fileAt(bundles(), path);
    // The kernel's error handler answers it in the uniform error shape.
    if (!file)
      throw new NotFoundError(
        `No frontend feature file at ${path}; the page may predate a restart, reload it`,
      );
    reply.header('cache-control', IMMUTABLE).header('vary', 'accept-encoding').type(file.type);
    if (file.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(file.gzip);
    }
    return reply.send(file.body);
  });
}
