import { ResponseError } from '@atrium/errors';
import { createDiscoveryApi } from '@atrium/web-kernel';
import { describe, expect, it, vi } from 'vitest';
import { createCatalogClient } from './catalog-client.js';
import { CATALOG_FILTER_EXISTS, toFilterParams } from './filter-query.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const entity = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
});

function client(answer: (url: URL, init?: RequestInit) => Response) {
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) =>
    answer(new URL(String(input)), init),
  );
  const catalog = createCatalogClient({
    discoveryApi: createDiscoveryApi({ baseUrl: 'http://backend.test/' }),
    fetchApi: { fetch },
  });
  return {
    catalog,
    fetch,
    call: (index = 0) => ({
      url: new URL(String(fetch.mock.calls[index]?.[0])),
      init: fetch.mock.calls[index]?.[1],
    }),
  };
}

describe('toFilterParams', () => {
  it('joins a set with commas, repeats keys for alternatives and drops empty lists', () => {
    expect(
      toFilterParams({ kind: ['component', 'api'], 'spec.lifecycle': 'production', 'spec.type': [] }),
    ).toEqual(['kind=component,kind=api,spec.lifecycle=production']);
    expect(
      toFilterParams([
        { kind: 'group' },
        { 'metadata.annotations.backstage.io/orphan': CATALOG_FILTER_EXISTS },
        {},
      ]),
    ).toEqual(['kind=group', 'metadata.annotations.backstage.io/orphan']);
    expect(toFilterParams(undefined)).toEqual([]);
  });
});

describe('createCatalogClient', () => {
  it('sends a first-page query with filter, order, full-text, fields and limit', async () => {
    const { catalog, call } = client(() =>
      json({ items: [entity('a')], totalItems: 41, pageInfo: { nextCursor: 'c2' } }),
    );
    const page = await catalog.queryEntities({
      filter: { kind: 'component' },
      orderField: { field: 'metadata.name', order: 'desc' },
      fullTextFilter: { term: '  pay ', fields: ['metadata.name', 'metadata.title'] },
      fields: ['kind', 'metadata.name'],
      limit: 20,
    });
    expect(page).toEqual({ items: [entity('a')], totalItems: 41, pageInfo: { nextCursor: 'c2' } });
    const { url } = call();
    expect(`${url.origin}${url.pathname}`).toBe('http://backend.test/api/catalog/entities/by-query');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      filter: 'kind=component',
      orderField: 'metadata.name,desc',
      fullTextFilterTerm: 'pay',
      fullTextFilterFields: 'metadata.name,metadata.title',
      fields: 'kind,metadata.name',
      limit: '20',
    });
  });

  it('sends only the cursor (with limit and fields) for later pages', async () => {
    const { catalog, call } = client(() =>
      json({ items: [], totalItems: 41, pageInfo: { prevCursor: 'c1' } }),
    );
    await catalog.queryEntities({ cursor: 'c2', limit: 20 });
    expect(call().url.search).toBe('?limit=20&cursor=c2');
  });

  it('treats a 404 by name as "no such entity" and encodes the path', async () => {
    const { catalog, call } = client(() =>
      json({ error: { name: 'NotFoundError', message: 'no entity' }, response: { statusCode: 404 } }, 404),
    );
    expect(
      await catalog.getEntityByRef({ kind: 'Component', namespace: 'default', name: 'a b' }),
    ).toBeUndefined();
    expect(call().url.pathname).toBe('/api/catalog/entities/by-name/Component/default/a%20b');
  });

  it("fails with the server's error name, message and status", async () => {
    const { catalog } = client(() =>
      json({ error: { name: 'InputError', message: 'Invalid filter' }, response: { statusCode: 400 } }, 400),
    );
    const error = await catalog.getEntityFacets({ facets: ['kind'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ name: 'InputError', message: 'Invalid filter', statusCode: 400 });
  });

  it('rejects a body that is not the catalog shape with a clear error', async () => {
    const { catalog } = client(() => json({ entities: [] }));
    await expect(catalog.queryEntities()).rejects.toMatchObject({ code: 'WEB_CATALOG_INVALID_RESPONSE' });
  });

  it('asks facets with repeated facet and filter params', async () => {
    const { catalog, call } = client(() =>
      json({ facets: { kind: [{ value: 'API', count: 2 }, { bad: true }] } }),
    );
    const { facets } = await catalog.getEntityFacets({
      facets: ['kind', 'spec.type'],
      filter: [{ kind: 'api' }, { kind: 'component' }],
    });
    expect(facets).toEqual({ kind: [{ value: 'API', count: 2 }] });
    expect(call().url.search).toBe('?facet=kind&facet=spec.type&filter=kind%3Dapi&filter=kind%3Dcomponent');
  });

  it('splits large by-refs requests into chunks of 1000, keeping order and nulls', async () => {
    const { catalog, fetch, call } = client((_, init) => {
      const { entityRefs } = JSON.parse(String(init?.body)) as { entityRefs: string[] };
      return json({ items: entityRefs.map((ref) => (ref.endsWith('7') ? null : entity(ref))) });
    });
    const refs = Array.from({ length: 2500 }, (_, i) => `component:default/e${i}`);
    const { items } = await catalog.getEntitiesByRefs({ entityRefs: refs, fields: ['kind'] });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(items).toHaveLength(2500);
    expect(items[7]).toBeNull();
    expect(items[2499]?.metadata.name).toBe('component:default/e2499');
    expect(call().init?.method).toBe('POST');
    expect(new Headers(call().init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('registers locations, dry-run or not, and posts refreshes', async () => {
    const { catalog, call } = client((url) =>
      url.pathname.endsWith('/refresh')
        ? new Response(null, { status: 200 })
        : json(
            {
              exists: false,
              location: { id: 'url:x', type: 'url', target: 'x', entityRef: 'location:default/g' },
              entities: [entity('a')],
            },
            201,
          ),
    );
    const dry = await catalog.addLocation({ type: 'url', target: 'x', dryRun: true });
    expect(dry).toMatchObject({
      exists: false,
      location: { entityRef: 'location:default/g' },
      entities: [entity('a')],
    });
    expect(call(0).url.search).toBe('?dryRun=true');
    expect(JSON.parse(String(call(0).init?.body))).toEqual({ type: 'url', target: 'x' });
    await catalog.refreshEntity('component:default/a');
    expect(JSON.parse(String(call(1).init?.body))).toEqual({ entityRef: 'component:default/a' });
  });
});
