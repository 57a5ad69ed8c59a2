import { createServer } from 'node:http';
import { freePort } from './free-port.js';

/** A tiny "git host" on loopback that serves fixed YAML files by path. */
export interface FileHost {
  /** `127.0.0.1:<port>`, for `backend.reading.allow`. */
  host: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts a file host serving `files` (path → YAML text); anything else is a 404. */
export async function startFileHost(files: Record<string, string>): Promise<FileHost> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', 'text/yaml');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
