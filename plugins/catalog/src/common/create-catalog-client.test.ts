import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_KINDS,
  copyFixture,
  startCatalog,
  type TestCatalog,
} from '../backend/__fixtures__/start-catalog.js';
import { type CatalogClient, createCatalogClient } from './create-catalog-client.js';

describe('createCatalogClient, against the real catalog', () => {
  let catalog: TestCatalog;
  let client: CatalogClient;
  const calls: Array<{ url: string; refs: number }> = [];

  beforeAll(async () => {
    const dir = copyFixture('catalog');
    catalog = await startCatalog({
      database: 'sqlite',
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
    });
    await catalog.waitFor(async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems > 3);
    client = createCatalogClient({
      baseUrl: `${catalog.backend.url}/api/catalog`,
      fetch(url, init) {
        const body =
          typeof init.body === 'string' ? (JSON.parse(init.body) as { entityRefs?: string[] }) : {};
        calls.push({ url, refs: body.entityRefs?.length ?? 0 });
        const headers = new Headers(init.headers);
        headers.set('authorization', `Bearer ${catalog.token}`);
        return fetch(url, { ...init, headers });
      },
    });
  });
  afterAll(() => catalog.stop());

  it('asks for many refs 1000 at a time, answering in request order with null where missing', async () => {
    const known = (await client.getEntitiesByQuery({ query: { limit: 3, fields: 'kind,metadata.name' } }))
      .items;
    const refs = Array.from({ length: 2500 }, (_, i) => `component:default/missing-${i}`);
    const knownRefs = known.map((e) => `${e.kind}:default/${e.metadata.name}`.toLowerCase());
    refs[0] = knownRefs[0] as string;
    refs[1500] = knownRefs[1] as string;
    refs[2499] = knownRefs[2] as string;
    calls.length = 0;
    const { items } = await client.getEntitiesByRefs({
      body: { entityRefs: refs, fields: ['metadata.name'] },
    });
    expect(calls.map((c) => c.refs)).toEqual([1000, 1000, 500]);
    expect(items).toHaveLength(2500);
    expect([items[0], items[1500], items[2499]].map((e) => e?.metadata.name)).toEqual(
      known.map((e) => e.metadata.name),
    );
    expect(items.filter((item) => item === null)).toHaveLength(2497);
  });

  it('answers an empty by-refs request without asking', async () => {
    calls.length = 0;
    expect(await client.getEntitiesByRefs({ body: { entityRefs: [] } })).toEqual({ items: [] });
    expect(calls).toEqual([]);
  });

  it("passes the server's refusal on with its name, message and status", async () => {
    const error = await client.getEntityFacets({ query: { facet: 'kind\u0000' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', statusCode: 400 });
  });

  it('encodes path parameters and answers with the entity', async () => {
    const [first] = (await client.getEntitiesByQuery({ query: { limit: 1, fields: 'kind,metadata.name' } }))
      .items;
    const entity = await client.getEntityByName({
      params: { kind: first?.kind ?? '', namespace: 'default', name: first?.metadata.name ?? '' },
    });
    expect(entity.metadata.name).toBe(first?.metadata.name);
    const missing = await client
      .getEntityByName({ params: { kind: 'component', namespace: 'default', name: 'a b/c' } })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 404 });
  });
});
