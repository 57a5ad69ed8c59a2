import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendNoRoute } from '../http/request-handling.js';
import type { Generation } from './plugin-generation.js';
import { pluginRuntimeErrors } from './plugin-runtime-errors.js';

/** Where a runtime plugin's requests go: its serving generation, or why there is none. */
export type RuntimeRoute = { generation: Generation } | { disabledReason: string } | undefined;

const API = '/api/';

/** The plugin id of an `/api/<pluginId>/...` URL. */
export function pluginIdOf(url: string): string {
  const rest = url.slice(API.length);
  const end = rest.search(/[/?]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Hands a request, before its body is read, to a generation's own server, with the headers the root hooks set. */
export function handOver(request: FastifyRequest, reply: FastifyReply, generation: Generation): void {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) reply.raw.setHeader(name, value);
  generation.dispatch(request.raw, reply.raw);
}

/**
 * Mounts the one route that serves runtime plugins: `/api/*`, which Fastify matches only
 * when no built-in route does, so built-in routes pay nothing. A request for a serving
 * runtime plugin is handed, before its body is read, to the generation's own server with
 * the headers the root hooks set (security headers, CORS); the lookup happens per request,
 * so switching generations is one Map write. Other paths get the server's usual 404.
 */
export function mountRuntimeDispatcher(
  fastify: FastifyInstance,
  routeFor: (pluginId: string) => RuntimeRoute,
) {
  const dispatch = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    const pluginId = pluginIdOf(request.url);
    const route = routeFor(pluginId);
    if (!route) {
      sendNoRoute(request, reply);
      return;
    }
    if ('disabledReason' in route) {
      done(pluginRuntimeErrors.disabled(pluginId, route.disabledReason));
      return;
    }
    handOver(request, reply, route.generation);
  };
  fastify.all(`${API}*`, { onRequest: dispatch }, async (request, reply) => sendNoRoute(request, reply));
}
