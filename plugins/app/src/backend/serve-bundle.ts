import { join } from 'node:path';
import { NotFoundError } from '@atrium/errors';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServedIndex } from './served-index.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const reserved = /^\/(api|\.well-known|\.backstage)(\/|$)|^\/metrics$/;

/**
 * Serves a built web app: its files, and index.html for every other path (SPA fallback),
 * except the API's paths and missing assets, which are 404s.
 */
export async function serveBundle(app: FastifyInstance, dir: string, index: ServedIndex): Promise<void> {
  const common = {
    index: false as const,
    preCompressed: true,
    cacheControl: false,
    // Hashed assets never change under their name; everything else is revalidated.
    setHeaders: (res: { setHeader(name: string, value: string): unknown }, path: string) =>
      res.setHeader('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
  };
  // The files at the top (favicon, ...) as found at startup; the catch-all below is the app.
  await app.register(fastifyStatic, { ...common, root: dir, wildcard: false });
  // Assets by wildcard: a rebuild adds new hashed files while the portal runs.
  await app.register(fastifyStatic, {
    ...common,
    root: join(dir, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    decorateReply: false,
  });
  const serveIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The kernel's error handler answers it in the uniform error shape.
    if (reserved.test(path) || path.startsWith('/assets/')) {
      throw new NotFoundError(`No route for ${request.method} ${path}`);
    }
    // The layout editor's preview frames the app: allowed for this origin only, never others.
    if (/[?&]layoutPreview(=|&|$)/.test(request.url)) {
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply
        .header('x-frame-options', 'SAMEORIGIN')
        .header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await index.html());
  };
  app.get('/', serveIndex);
  app.get('/*', serveIndex);
}
