import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** A loopback HTTP server that serves a directory, standing in for a git host. */
export interface StaticFileServer {
  /** Base URL of the served directory, mount path included, e.g. `http://127.0.0.1:41234/git/acme`. */
  url: string;
  /** `host:port`, as `backend.reading.allow` wants it. */
  host: string;
  stop(): Promise<void>;
}

/**
 * Starts a static file server on 127.0.0.1 for `url` locations in tests, serving `root`
 * under `mountPath`. Paths outside it answer 404, as does anything that is not a file.
 *
 * @example
 * const repo = await startStaticFileServer(join(fixtures, 'repo'), '/git/acme');
 * await client.addLocation({ target: `${repo.url}/catalog-info.yaml` });
 */
export async function startStaticFileServer(root: string, mountPath: string): Promise<StaticFileServer> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(`${mountPath}/`) ? normalize(join(root, path.slice(mountPath.length))) : '';
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end('not found');
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': 'text/plain' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mountPath}`,
    host: `127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
