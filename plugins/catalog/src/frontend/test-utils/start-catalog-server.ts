import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { defineModule } from '@atrium/kernel';
import { startTestBackend } from '@atrium/test-kit';
// Tests only: the UI under test talks to the real catalog backend over HTTP.
import { catalogProvidersPoint } from '../../backend/extensions/catalog-extension-points.js';
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
    // The backend shares the test's process, so its reads go through happy-dom's fetch,
    // which enforces CORS as a browser would.
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET, HEAD',
    };
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    response.writeHead(body === undefined ? 404 : 200, { ...cors, 'content-type': 'text/yaml' });
    response.end(body ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** An entity as a source hands it over: no uid, no relations (the catalog adds both). */
function sourceOf({ relations: _relations, status: _status, ...entity }: Entity): Entity {
  const { uid: _uid, ...metadata } = entity.metadata;
  return { ...entity, metadata };
}

/** A provider module that hands the catalog `entities`, as any entity provider would. */
function entitiesModule(entities: Entity[]) {
  return defineModule({
    plugin: 'catalog',
    id: 'ui-test-entities',
    deps: {},
    extensionPoints: { providers: catalogProvidersPoint },
    init({ extensions }) {
      extensions.providers.add({
        getProviderName: () => 'ui-test-entities',
        connect: (connection) =>
          connection.applyMutation({
            type: 'full',
            entities: entities.map((e) => ({ entity: sourceOf(e) })),
          }),
      });
    },
  });
}

/**
 * Starts the real catalog backend on loopback (in-memory SQLite) at the test page's origin
 * (happy-dom's URL moves there), ingests `entities` through an entity provider and the
 * real processing pipeline, and waits until each is served with at least the relations
 * (and status items) it lists. The UI reaches it through `server.fetch`,
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
  const host = await startFileHost(options.hostedFiles ?? {});
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const backend = await startTestBackend({
    features: [catalogPlugin, entitiesModule(entities)],
    config: {
      backend: { reading: { allow: [{ host: hostOrigin.slice('http://'.length) }] } },
      catalog: {
        rules: [{ allow: allKinds }],
        processing: { pollInterval: { milliseconds: 40 } },
      },
    },
  });
  // The portal serves the app from the backend's origin; so does the test page (no CORS).
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
  const token = await backend.userToken();
  const traffic = createCatalogTraffic(backend.url, token);
  // The environment's fetch as it is now: the test's own reads are not the UI's traffic.
  const direct = globalThis.fetch.bind(globalThis);
  const served = async (ref: string) => {
    const response = await direct(`${backend.url}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
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
      const problems = expected.status?.items?.length ?? 0;
      if (entity && (entity.status?.items?.length ?? 0) < problems)
        missing.push(`${problems} status item(s)`);
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
