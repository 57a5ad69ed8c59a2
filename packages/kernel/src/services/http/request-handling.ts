import { NotFoundError, serializeError, statusForError } from '@atrium/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerService } from '../logger/logger-service.js';
import type { BackendConfig } from './http-config.js';
import { mapFastifyError } from './map-fastify-error.js';

/** Fastify options every Atrium server shares (the listening one and runtime plugins' own). */
export function fastifyOptions(config: BackendConfig) {
  return {
    logger: false,
    bodyLimit: config.http.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  } as const;
}

// As in Backstage, an error body names the URL under the plugin's mount point
// (`/entities?filter=…`, not `/api/catalog/entities?filter=…`): the request reached the
// plugin's router, which knows no prefix. The server's own routes keep the full URL.
function urlUnderMount(request: FastifyRequest): string {
  const prefix = request.server.prefix;
  if (!prefix || !request.url.startsWith(prefix)) return request.url;
  const rest = request.url.slice(prefix.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Answers 404 as the server does for a path no route matches. */
export function sendNoRoute(request: FastifyRequest, reply: FastifyReply) {
  const error = new NotFoundError(`No route for ${request.method} ${request.url.split('?')[0]}`);
  return reply
    .code(404)
    .send(serializeError(error, { request: { method: request.method, url: request.url } }));
}

/**
 * The request handling every Atrium server shares: the credentials slot, the JSON parser,
 * the uniform error JSON and the 404 answer. Runtime plugins' servers get the same, so a
 * runtime plugin's errors look like a built-in one's.
 */
export function applyRequestHandling(
  fastify: FastifyInstance,
  options: { logger: LoggerService; includeStackInErrors: boolean },
): void {
  const { logger } = options;
  // Filled in by the plugin router's auth hook; declared up front so Fastify keeps one
  // object shape for requests (adding properties later deoptimises them).
  fastify.decorateRequest('atriumCredentials', null);

  // Backstage's client sends DELETE with Content-Type: application/json and no body; an
  // empty JSON body means "no body", everything else goes through Fastify's safe parser.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  fastify.setErrorHandler(async (rawError, request, reply) => {
    const error = mapFastifyError(rawError, request);
    const status = statusForError(error);
    if (status >= 500) logger.error(`${request.method} ${request.url} failed`, error as Error);
    const body = serializeError(error, {
      request: { method: request.method, url: urlUnderMount(request) },
      includeStack: options.includeStackInErrors,
    });
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  fastify.setNotFoundHandler(async (request, reply) => sendNoRoute(request, reply));
}
