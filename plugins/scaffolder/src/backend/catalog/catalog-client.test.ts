import type { AuthService, Credentials, DiscoveryService } from '@atrium/kernel';
import { coreServices, definePlugin } from '@atrium/kernel';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ScaffolderTestBackend,
  startScaffolderBackend,
  templateEntity,
} from '../__fixtures__/scaffolder-test-backend.js';
import { createCatalogClient } from './catalog-client.js';

/** A plugin that hands its discovery and auth services to the test, as the scaffolder's would be. */
function probe() {
  const services: { discovery?: DiscoveryService; auth?: AuthService } = {};
  const plugin = definePlugin({
    id: 'probe',
    deps: { discovery: coreServices.discovery, auth: coreServices.auth },
    init({ deps }) {
      Object.assign(services, deps);
    },
  });
  return { plugin, services: services as Required<typeof services> };
}

describe('the scaffolder catalog client, derived from the catalog API definition', () => {
  let backend: ScaffolderTestBackend;
  let user: Credentials;
  let catalog: ReturnType<typeof createCatalogClient>;

  beforeAll(async () => {
    const { plugin, services } = probe();
    backend = await startScaffolderBackend({
      entities: [templateEntity('hello', { steps: [] })],
      features: [plugin],
    });
    catalog = createCatalogClient(services);
    user = await services.auth.authenticate(backend.token);
  });
  afterAll(() => backend?.stop());

  it('reads an entity by compound ref as the caller, and answers undefined for a missing one', async () => {
    const ref = { kind: 'Template', namespace: 'default', name: 'hello' };
    expect((await catalog.getEntityByRef(ref, user))?.metadata.uid).toEqual(expect.any(String));
    expect(await catalog.getEntityByRef({ ...ref, name: 'nope' }, user)).toBeUndefined();
    expect(await catalog.getEntityByRef({ ...ref, name: 'not a name!' }, user)).toBeUndefined();
  });

  it('reads many entities in request order, null where missing', async () => {
    const items = await catalog.getEntitiesByRefs(['template:default/nope', 'template:default/hello'], user);
    expect(items.map((item) => item?.metadata.name ?? null)).toEqual([null, 'hello']);
    expect(await catalog.getEntitiesByRefs([], user)).toEqual([]);
  });

  it("passes the catalog's refusal on as its error", async () => {
    const error = await catalog
      .addLocation({ type: 'file', target: '/etc/passwd' }, { dryRun: true, credentials: user })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, name: 'InputError' });
  });
});

describe('the scaffolder catalog client against a catalog that breaks the contract', () => {
  let backend: TestBackend;
  let services: ReturnType<typeof probe>['services'];

  beforeAll(async () => {
    const drifted = definePlugin({
      id: 'catalog',
      deps: { http: coreServices.httpRouter },
      init({ deps }) {
        // biome-ignore lint/correctness/useHookAtTopLevel: the kernel's router method
        deps.http.useFastify((app) => {
          app.post('/entities/by-refs', async () => ({ entities: [] }));
        });
      },
    });
    const found = probe();
    services = found.services;
    backend = await startTestBackend({ features: [drifted, found.plugin] });
  });
  afterAll(() => backend?.stop());

  it('fails naming the route instead of handing on a wrong shape', async () => {
    const catalog = createCatalogClient(services);
    const user = await services.auth.authenticate(await backend.userToken());
    const error = await catalog.getEntitiesByRefs(['component:default/a'], user).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_API_INVALID_RESPONSE' });
    expect((error as Error).message).toContain("route 'getEntitiesByRefs'");
  });

  it('reports an unreachable catalog as unavailable', async () => {
    const catalog = createCatalogClient({
      ...services,
      discovery: { ...services.discovery, getBaseUrl: async () => 'http://127.0.0.1:9/api/catalog' },
    });
    const user = await services.auth.authenticate(await backend.userToken());
    const error = await catalog.getEntitiesByRefs(['component:default/a'], user).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServiceUnavailableError' });
    expect((error as Error).message).toContain('http://127.0.0.1:9/api/catalog could not be reached');
  });
});
