import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { startTestBackend } from '@atrium/test-kit';
// Tests only: the UI under test talks to the real catalog backend over HTTP.
import { catalogPlugin } from '../../backend/plugin.js';
import { type CatalogTraffic, createCatalogTraffic } from './catalog-traffic.js';

/** Options of {@link startCatalogServer}. */
export interface CatalogServerOptions {
  /** Files a loopback host serves by path, e.g. descriptors the register page imports by URL. */
  hostedFiles?: Record<string, string>;
}

/** A real catalog backend seeded with entities, and the fetch the UI under test uses. */
export interface CatalogServer extends CatalogTraffic {
  /** The backend's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Origin of the loopback host serving `hostedFiles`. */
  hostOrigin: string;
  /** An entity as the catalog serves it now (after processing). */
  served(ref: string): Promise<Entity | null>;
  stop(): Promise<void>;
}

const allKinds = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
  'Group',
  'User',
  'Location',
  'Template',
];

function startFileHost(files: Record<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const body = files[(request.url ?? '/').split('?')[0] ?? '/'];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/yaml' });
    response.end(body ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A descriptor file of entities as authors write them: no uid, no relations (the catalog adds both). */
function descriptorOf(entities: Entity[]): string {
  return entities
    .map(({ relations: _relations, status: _status, ...entity }) => {
      const { uid: _uid, ...metadata } = entity.metadata;
      return JSON.stringify({ ...entity, metadata });
    })
    .join('\n---\n');
}

/**
 * Starts the real catalog backend on loopback (in-memory SQLite) at the test page's origin
 * (happy-dom's URL moves there), ingests `entities`
 * from a descriptor file through the real processing pipeline, and waits until each is
 * served with at least the relations it lists. The UI reaches it through `server.fetch`,
 * which adds a user's token, records the requests and can fail or stall one route.
 *
 * @example
 * const server = await startCatalogServer(sampleCatalog());
 * vi.stubGlobal('fetch', server.fetch);
 */
export async function startCatalogServer(
  entities: Entity[],
  options: CatalogServerOptions = {},
): Promise<CatalogServer> {
  const dir = await mkdtemp(join(tmpdir(), 'atrium-catalog-ui-'));
  const file = join(dir, 'catalog-info.yaml');
  await writeFile(file, descriptorOf(entities));
  const host = await startFileHost(options.hostedFiles ?? {});
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const backend = await startTestBackend({
    features: [catalogPlugin],
    config: {
      backend: { reading: { allow: [{ host: hostOrigin.slice('http://'.length) }] } },
      catalog: {
        locations: [{ type: 'file', target: file }],
        rules: [{ allow: allKinds }],
        processing: { pollInterval: { milliseconds: 40 } },
      },
    },
  });
  // The portal serves the app from the backend's origin; so does the test page (no CORS).
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
  const token = await backend.userToken();
  const traffic = createCatalogTraffic(backend.url, token);
  const served = async (ref: string) => {
    const response = await backend.fetch('/api/catalog/entities/by-refs', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityRefs: [ref] }),
    });
    return ((await response.json()) as { items: Array<Entity | null> }).items[0] ?? null;
  };
  await waitForIngestion(entities, served);
  return {
    ...traffic,
    url: backend.url,
    hostOrigin,
    served,
    async stop() {
      await backend.stop();
      await new Promise<void>((resolve) => host.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until every entity is served with the relations it lists (processing is asynchronous). */
async function waitForIngestion(entities: Entity[], served: (ref: string) => Promise<Entity | null>) {
  const deadline = Date.now() + 20_000;
  for (const expected of entities) {
    const ref = stringifyEntityRef(expected);
    const wanted = (expected.relations ?? []).map((r) => `${r.type} ${r.targetRef}`);
    for (;;) {
      const entity = await served(ref);
      const have = new Set(entity?.relations?.map((r) => `${r.type} ${r.targetRef}`));
      const missing = entity ? wanted.filter((relation) => !have.has(relation)) : ['the entity itself'];
      if (missing.length === 0) break;
      if (Date.now() > deadline) {
        throw new Error(
          `the catalog never served ${ref} with ${missing.join(', ')}; check the test entities`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
