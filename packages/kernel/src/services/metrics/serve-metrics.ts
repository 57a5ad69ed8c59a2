import { createServer } from 'node:http';
import { AuthenticationError, NotAllowedError } from '@atrium/errors';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { Registry } from 'prom-client';
import type { Authenticator } from '../auth/authenticator.js';
import { bearerToken } from '../auth/http-auth-service.js';
import type { LoggerService } from '../logger/logger-service.js';

/** The audience plugin tokens need, and the accessRestrictions plugin id external tokens need, for `/metrics`. */
const METRICS_AUDIENCE = 'metrics';

/**
 * Serves `/metrics` on the main listener to service and external access tokens only:
 * metrics name plugins, routes and volumes, which is reconnaissance for anyone else.
 * The authenticator is fetched on the first scrape, so a backend that is never scraped
 * does not load the token engine for it.
 */
export function registerMetricsRoute(
  fastify: FastifyInstance,
  options: {
    registry: Registry;
    authenticator: () => Promise<Authenticator>;
    onResponse: onRequestHookHandler;
  },
): void {
  const guard: onRequestHookHandler = async (request) => {
    const token = bearerToken(request);
    if (!token) {
      throw new AuthenticationError(
        '/metrics needs a service or external access token: send Authorization: Bearer <token>, or serve metrics without auth on a separate listener with backend.metrics.listen',
      );
    }
    const credentials = await (await options.authenticator()).authenticate(token, METRICS_AUDIENCE);
    if (credentials.principal.type !== 'service') {
      throw new NotAllowedError('/metrics accepts service and external access tokens, not user tokens');
    }
  };
  fastify.get('/metrics', { onRequest: guard, onResponse: options.onResponse }, async (_, reply) =>
    reply.type(options.registry.contentType).send(await options.registry.metrics()),
  );
}

/**
 * Serves `/metrics` without auth on its own listener (`backend.metrics.listen`), for a
 * scraper on a private network; it answers nothing else.
 */
export async function startMetricsListener(options: {
  host: string;
  port: number;
  registry: Registry;
  logger: LoggerService;
}): Promise<{ close(): Promise<void> }> {
  const { registry, logger } = options;
  const server = createServer((request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('only GET /metrics is served here\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        logger.error('collecting metrics failed', error as Error);
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('collecting metrics failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  logger.info(`metrics served without auth on http://${options.host}:${options.port}/metrics`);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
