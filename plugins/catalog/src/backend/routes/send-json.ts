import type { RouteContext } from '@atrium/kernel';

type Reply = RouteContext<{ method: 'GET'; path: '/' }>['reply'];

/** Sends an already-serialized JSON body as is (Fastify passes strings with a JSON type through). */
export function sendJson(reply: Reply, json: string | Uint8Array, status = 200): Reply {
  return reply.code(status).type('application/json; charset=utf-8').send(json);
}
