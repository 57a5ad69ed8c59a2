import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a loopback host answers for one path. */
export interface HostedReply {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** A plain HTTP server on 127.0.0.1 whose answers a test sets per path, and which counts what it was asked. */
export interface LoopbackHost {
  /** `127.0.0.1:<port>`, as `backend.reading.allow` names a host. */
  host: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serves `reply` at `path` (exact match, without the query string). */
  serve(path: string, reply: HostedReply | string): void;
  /** Every request path it received, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Starts a loopback host. Unknown paths answer 404. An attacker's "repository on an
 * allowed host" is one of these listed in `backend.reading.allow`; an internal service
 * the attacker must not reach is one that is not.
 *
 * @example
 * const host = await startLoopbackHost();
 * host.serve('/org/repo/catalog-info.yaml', 'kind: Component\n...');
 */
export async function startLoopbackHost(): Promise<LoopbackHost> {
  const replies = new Map<string, HostedReply>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(`${request.method} ${request.url}`);
    const reply = replies.get(path);
    if (!reply) {
      response.statusCode = 404;
      return response.end('not found');
    }
    response.statusCode = reply.status ?? 200;
    for (const [name, value] of Object.entries(reply.headers ?? { 'content-type': 'text/yaml' }))
      response.setHeader(name, value);
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    origin: `http://127.0.0.1:${port}`,
    serve(path, reply) {
      replies.set(path, typeof reply === 'string' ? { body: reply } : reply);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
