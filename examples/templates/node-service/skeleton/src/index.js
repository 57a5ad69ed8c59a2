import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const serviceName = manifest.name;

/** Answers the health check and a small JSON document about the service. */
export function createApp() {
  return createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ service: serviceName, status: 'running' }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not found' }));
  });
}

// Started directly (npm start), not when a test imports the module.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? manifest.config.port);
  const server = createApp().listen(port, () => {
    console.log(`${serviceName} listening on http://localhost:${port}`);
  });
  process.on('SIGTERM', () => server.close());
}
