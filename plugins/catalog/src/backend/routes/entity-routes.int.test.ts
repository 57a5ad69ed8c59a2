import { join } from 'node:path';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

type Named = { kind: string; metadata: { name: string; uid: string } };
const names = (items: Named[]) => items.map((e) => e.metadata.name);
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));

describe.each(testDatabaseVariants())('entity endpoints on %s', (database) => {
  let catalog: TestCatalog;
  beforeAll(async () => {
    const dir = copyFixture('catalog');
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 17,
    );
    await catalog.waitFor(
      async () =>
        (await catalog.get('/entities/by-query?limit=0&filter=relations.apiprovidedby')).body.totalItems ===
        2,
    );
  });
  afterAll(() => catalog.stop());

  it('GET /entities streams everything, filters, projects and orders', async () => {
    const all = await catalog.get('/entities');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(all.body).toHaveLength(17);
    const components = await catalog.get(
      '/entities?filter=kind=component&fields=metadata.name&order=desc:metadata.name',
    );
    expect(components.body).toEqual([
      { metadata: { name: 'Web-Frontend' } },
      { metadata: { name: 'payments-api' } },
      { metadata: { name: 'ledger-service' } },
    ]);
    expect((await catalog.get('/entities?order=sideways:metadata.name')).status).toBe(400);
    expect((await catalog.get('/entities?limit=0')).status).toBe(400);
  });

  it('GET /entities pages with a Link header and after cursors', async () => {
    const first = await catalog.get('/entities?filter=kind=component&limit=2&offset=0&fields=metadata.name');
    expect(first.body).toHaveLength(2);
    const link = first.headers.get('link') as string;
    expect(link).toMatch(/^<\/entities\?.*after=.*>; rel="next"$/);
    expect(link).not.toContain('offset=');
    const next = await catalog.get(link.slice(1, link.indexOf('>')));
    expect(next.body).toHaveLength(1);
    expect(next.headers.get('link')).toBeNull();
    expect((await catalog.get('/entities?after=%%%')).status).toBe(400);
  });

  it('GET /entities/by-query pages by cursor both ways with totalItems', async () => {
    const first = await catalog.get('/entities/by-query?filter=kind=component&limit=2&fields=metadata.name');
    expect(first.body.totalItems).toBe(3);
    expect(first.body.pageInfo.prevCursor).toBeUndefined();
    expect(decode(first.body.pageInfo.nextCursor)).not.toHaveProperty('query');
    const second = await catalog.get(
      `/entities/by-query?limit=2&cursor=${encodeURIComponent(first.body.pageInfo.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.totalItems).toBe(3);
    expect(second.body.pageInfo.nextCursor).toBeUndefined();
    const back = await catalog.get(
      `/entities/by-query?limit=2&cursor=${encodeURIComponent(second.body.pageInfo.prevCursor)}`,
    );
    expect(names(back.body.items)).toEqual(names(first.body.items));
    expect(back.body.pageInfo.prevCursor).toBeUndefined();
    expect((await catalog.get('/entities/by-query?cursor=bm9wZQ')).status).toBe(400);
  });

  it('GET /entities/by-query orders, excludes entities without the field, searches text', async () => {
    const ordered = await catalog.get(
      '/entities/by-query?orderField=spec.lifecycle,desc&orderField=metadata.name&fields=metadata.name,spec.lifecycle',
    );
    expect(ordered.body.totalItems).toBe(5);
    expect(ordered.body.items.map((e: { spec: { lifecycle: string } }) => e.spec.lifecycle)).toEqual([
      ...Array(3).fill('production'),
      ...Array(2).fill('experimental'),
    ]);
    const text = await catalog.get(
      '/entities/by-query?fullTextFilterTerm=PAY&fullTextFilterFields=metadata.name&fields=metadata.name',
    );
    expect(names(text.body.items).sort()).toEqual([
      'payments',
      'payments',
      'payments-api',
      'payments-db',
      'payments-team',
    ]);
    expect((await catalog.get('/entities/by-query?orderField=metadata.name,up')).status).toBe(400);
  });

  it('GET /entities/by-query sorts across kinds and pages both ways with cursors and offsets', async () => {
    const all = await catalog.get('/entities/by-query?fields=metadata.name&limit=1000');
    // Sorting is case-insensitive, as in Backstage.
    const expected = names(all.body.items).sort((a: string, b: string) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : 1,
    );
    for (const order of ['asc', 'desc'] as const) {
      const wanted = order === 'asc' ? expected : [...expected].reverse();
      const seen: string[] = [];
      let path = `/entities/by-query?orderField=metadata.name,${order}&fields=metadata.name&limit=3`;
      let last: { pageInfo: { prevCursor?: string } } | undefined;
      for (let pages = 0; path && pages < 50; pages++) {
        const page = await catalog.get(path);
        expect(page.body.totalItems).toBe(expected.length);
        seen.push(...names(page.body.items));
        last = page.body;
        const next = page.body.pageInfo.nextCursor;
        // As in Backstage, a cursor does not carry the limit.
        path = next ? `/entities/by-query?limit=3&cursor=${next}` : '';
      }
      expect(seen).toEqual(wanted);
      const back = await catalog.get(`/entities/by-query?limit=3&cursor=${last?.pageInfo.prevCursor}`);
      const lastPageSize = wanted.length % 3 || 3;
      expect(names(back.body.items)).toEqual(wanted.slice(-lastPageSize - 3, -lastPageSize));
      const offset = await catalog.get(
        `/entities/by-query?orderField=metadata.name,${order}&fields=metadata.name&offset=4&limit=2`,
      );
      expect(names(offset.body.items)).toEqual(wanted.slice(4, 6));
    }
  });

  it('GET /entities/by-query supports limit=0, totalItems=exclude, offset and projections', async () => {
    const counted = await catalog.get('/entities/by-query?filter=kind=group&limit=0');
    expect(counted.body).toEqual({ items: [], totalItems: 3, pageInfo: {} });
    expect(
      (await catalog.get('/entities/by-query?filter=kind=group&totalItems=exclude')).body.totalItems,
    ).toBe(0);
    const offset = await catalog.get('/entities/by-query?filter=kind=group&offset=2&limit=5');
    expect(offset.body.items).toHaveLength(1);
    const projected = await catalog.get(
      '/entities/by-query?filter=metadata.name=payments-api&fields=metadata.annotations.backstage.io/techdocs-ref,spec.missing',
    );
    expect(projected.body.items).toEqual([
      { metadata: { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } } },
    ]);
    expect((await catalog.get('/entities/by-query?fields=metadata.tags[0]')).status).toBe(400);
    expect((await catalog.get('/entities/by-query?filter==x')).status).toBe(400);
  });

  it('filters like Backstage: OR sets, repeated keys, tags, relations, dotted annotation keys, case', async () => {
    const count = async (query: string) =>
      (await catalog.get(`/entities/by-query?limit=0&${query}`)).body.totalItems;
    expect(await count('filter=kind=user&filter=kind=group')).toBe(5);
    expect(await count('filter=kind=Component,kind=API')).toBe(5);
    expect(await count('filter=metadata.tags.java')).toBe(1);
    expect(await count('filter=metadata.tags=GO')).toBe(1);
    expect(await count('filter=relations.ownedBy=group:default/payments-team')).toBe(4);
    expect(await count('filter=metadata.annotations.backstage.io/techdocs-ref')).toBe(1);
    expect(await count('filter=KIND=component,SPEC.TYPE=Service')).toBe(2);
    expect(await count('filter=metadata.namespace=shop')).toBe(1);
    expect(await count('filter=kind=component,spec.system')).toBe(1);
    expect(await count('filter=metadata.labels.tier=')).toBe(0);
  });

  it('POST /entities/by-query takes predicates and keeps them in the cursor', async () => {
    const query = {
      $all: [{ kind: { $in: ['component', 'API'] } }, { $not: { 'spec.lifecycle': 'experimental' } }],
    };
    const page = await catalog.send('POST', '/entities/by-query', {
      query,
      limit: 1,
      fields: ['metadata.name'],
    });
    expect(page.status).toBe(200);
    expect(page.body.totalItems).toBe(3);
    expect(decode(page.body.pageInfo.nextCursor).query).toEqual(query);
    const next = await catalog.send('POST', '/entities/by-query', {
      cursor: page.body.pageInfo.nextCursor,
      limit: 5,
    });
    expect(next.body.items).toHaveLength(2);
    const count = async (q: unknown) =>
      (await catalog.send('POST', '/entities/by-query', { query: q, limit: 0 })).body.totalItems;
    expect(await count({ 'metadata.tags': { $contains: 'java' } })).toBe(1);
    expect(await count({ 'metadata.name': { $hasPrefix: 'PAY' } })).toBe(5);
    expect(await count({ kind: 'component', 'spec.system': { $exists: false } })).toBe(2);
    expect(await count({ $any: [{ kind: 'domain' }, { kind: 'template' }] })).toBe(2);
    const bad = await catalog.send('POST', '/entities/by-query', { query: { kind: { $regex: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
  });

  it('by-name and by-uid read, 404 in the uniform error shape, case-insensitive', async () => {
    const entity = (await catalog.get('/entities/by-name/COMPONENT/Default/Payments-API')).body;
    expect(entity.metadata.name).toBe('payments-api');
    expect((await catalog.get(`/entities/by-uid/${entity.metadata.uid}`)).body.metadata.name).toBe(
      'payments-api',
    );
    const missing = await catalog.get('/entities/by-name/component/default/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      error: {
        name: 'NotFoundError',
        message: "No entity named 'nope' found, with kind 'component' in namespace 'default'",
      },
      request: { method: 'GET' },
      response: { statusCode: 404 },
    });
    expect((await catalog.get('/entities/by-uid/nope')).status).toBe(404);
  });

  it('POST /entities/by-refs answers in request order with nulls, fields and filters', async () => {
    const refs = [
      'api:default/ledger',
      'component:default/missing',
      'Component:Default/Payments-API',
      'not a ref',
    ];
    const response = await catalog.send('POST', '/entities/by-refs', {
      entityRefs: refs,
      fields: ['metadata.name'],
    });
    expect(response.body).toEqual({
      items: [{ metadata: { name: 'ledger' } }, null, { metadata: { name: 'payments-api' } }, null],
    });
    const filtered = await catalog.send('POST', '/entities/by-refs?filter=kind=api', {
      entityRefs: refs.slice(0, 3),
    });
    expect(filtered.body.items.map((e: Named | null) => e?.metadata.name ?? null)).toEqual([
      'ledger',
      null,
      null,
    ]);
    const predicate = await catalog.send('POST', '/entities/by-refs', {
      entityRefs: refs.slice(0, 3),
      query: { kind: 'component' },
    });
    expect(predicate.body.items.map((e: Named | null) => e?.metadata.name ?? null)).toEqual([
      null,
      null,
      'payments-api',
    ]);
    expect((await catalog.send('POST', '/entities/by-refs', { refs: [] })).status).toBe(400);
  });

  it('entity-facets count values in original casing, sorted by value', async () => {
    const facets = await catalog.get(
      '/entity-facets?facet=kind&facet=spec.type&facet=metadata.tags&filter=kind=component',
    );
    expect(facets.body).toEqual({
      facets: {
        kind: [{ value: 'Component', count: 3 }],
        'spec.type': [
          { value: 'service', count: 2 },
          { value: 'website', count: 1 },
        ],
        'metadata.tags': [
          { value: 'go', count: 1 },
          { value: 'java', count: 1 },
          { value: 'team:payments', count: 1 },
        ],
      },
    });
    const owners = await catalog.send('POST', '/entity-facets', {
      facets: ['relations.ownedBy'],
      query: { kind: 'system' },
    });
    expect(owners.body).toEqual({
      facets: { 'relations.ownedBy': [{ value: 'group:default/payments-team', count: 1 }] },
    });
    expect((await catalog.get('/entity-facets')).status).toBe(400);
  });

  it('ancestry lists the entity and its parents, each once', async () => {
    const ancestry = await catalog.get('/entities/by-name/template/default/new-service/ancestry');
    expect(ancestry.body.rootEntityRef).toBe('template:default/new-service');
    expect(
      ancestry.body.items.map((item: { entity: Named; parentEntityRefs: string[] }) => [
        item.entity.metadata.name,
        item.parentEntityRefs,
      ]),
    ).toEqual([
      ['new-service', ['location:default/nested']],
      ['nested', ['location:default/fixture-root']],
      ['fixture-root', [expect.stringMatching(/^location:default\/generated-[0-9a-f]{40}$/)]],
      [expect.stringMatching(/^generated-/), []],
    ]);
    expect((await catalog.get('/entities/by-name/component/default/nope/ancestry')).status).toBe(404);
  });

  it('POST /refresh and POST /validate-entity', async () => {
    expect(
      (await catalog.send('POST', '/refresh', { entityRef: 'component:default/payments-api' })).status,
    ).toBe(200);
    expect((await catalog.send('POST', '/refresh', { entityRef: 'component:default/nope' })).status).toBe(
      404,
    );
    expect((await catalog.send('POST', '/refresh', { entityRef: 'nope' })).status).toBe(400);
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { type: 'service', lifecycle: 'p', owner: 'me' },
    };
    const ok = await catalog.send('POST', '/validate-entity', {
      entity,
      location: 'url:https://example.com/catalog-info.yaml',
    });
    expect(ok).toEqual({ status: 200, body: undefined });
    const invalid = await catalog.send('POST', '/validate-entity', {
      entity: { ...entity, spec: {} },
      location: 'url:https://example.com/x.yaml',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0]).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("spec is missing required field 'type'"),
    });
    const badLocation = await catalog.send('POST', '/validate-entity', { entity, location: 'file:/x.yaml' });
    expect(badLocation.status).toBe(400);
    expect(badLocation.body.errors[0].message).toMatch(/only 'url:<target>' is supported/);
    expect(
      (
        await catalog.send('POST', '/validate-entity', {
          entity: { kind: 'Component' },
          location: 'url:https://x',
        })
      ).body.errors,
    ).toHaveLength(1);
  });

  it('requires a Content-Type for bodies', async () => {
    const body = new TextEncoder().encode('{"entityRef":"a:b"}');
    const response = await catalog.backend.fetch('/api/catalog/refresh', {
      token: catalog.token,
      method: 'POST',
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Content-Type/);
  });

  it('DELETE /entities/by-uid removes an entity; its parent re-creates it on refresh', async () => {
    const entity = (await catalog.get('/entities/by-name/resource/default/payments-db')).body;
    expect((await catalog.send('DELETE', `/entities/by-uid/${entity.metadata.uid}`)).status).toBe(204);
    expect((await catalog.get('/entities/by-name/resource/default/payments-db')).status).toBe(404);
    const back = await catalog.waitFor(async () => {
      const found = await catalog.get('/entities/by-name/resource/default/payments-db');
      return found.status === 200 && found.body;
    });
    expect(back.metadata.uid).not.toBe(entity.metadata.uid);
    expect((await catalog.send('DELETE', '/entities/by-uid/unknown-uid')).status).toBe(204);
  });
});
