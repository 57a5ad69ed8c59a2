import { fileURLToPath } from 'node:url';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

// Used in place (never written to): the directory of a config location, so it is readable.
const HOSTILE = fileURLToPath(new URL('../__fixtures__/hostile', import.meta.url));
const b64 = (text: string) => Buffer.from(text).toString('base64');
// Built as text: JSON.stringify itself overflows the stack on such values.
const deepNot = (depth: number) => `${'{"$not":'.repeat(depth)}{"kind":"component"}${'}'.repeat(depth)}`;
const manyValues = (count: number) => Array.from({ length: count }, (_, i) => `name-${i}`);

describe.each(testDatabaseVariants())('malformed input answers 400 naming the limit, on %s', (database) => {
  let catalog: TestCatalog;
  const raw = async (method: string, path: string, body: string) => {
    const response = await catalog.backend.fetch(`/api/catalog${path}`, {
      method,
      token: catalog.token,
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: await response.json() };
  };
  const expectInputError = (
    answer: { status: number; body: { error: { name: string; message: string } } },
    message: RegExp,
  ) => {
    expect(answer.status).toBe(400);
    expect(answer.body.error.name).toBe('InputError');
    expect(answer.body.error.message).toMatch(message);
  };

  beforeAll(async () => {
    catalog = await startCatalog({
      database,
      catalog: {
        locations: [{ type: 'file', target: `${HOSTILE}/catalog-info.yaml` }],
        rules: [{ allow: ALL_KINDS }],
      },
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-name/component/default/fine')).status === 200,
    );
  });
  afterAll(() => catalog.stop());

  it('a deeply nested predicate, wherever a predicate is accepted', async () => {
    for (const depth of [40, 100_000]) {
      const query = deepNot(depth);
      for (const [path, body] of [
        ['/entities/by-query', `{"query":${query}}`],
        ['/entity-facets', `{"facets":["kind"],"query":${query}}`],
        ['/entities/by-refs', `{"entityRefs":["component:default/fine"],"query":${query}}`],
        ['/locations/by-query', `{"query":${query}}`],
      ] as const) {
        expectInputError(await raw('POST', path, body), /maxPredicateDepth/);
      }
      // A cursor carries the predicate: GET takes it in the URL, POST in the body.
      const cursor = b64(`{"orderFields":[],"isPrevious":false,"query":${query}}`);
      expectInputError(
        await raw('POST', '/entities/by-query', `{"cursor":"${cursor}"}`),
        /maxPredicateDepth/,
      );
      if (depth < 1000)
        expectInputError(await catalog.get(`/entities/by-query?cursor=${cursor}`), /maxPredicateDepth/);
    }
    // Within the limit, nesting works.
    const shallow = await raw('POST', '/entities/by-query', `{"query":${deepNot(20)}}`);
    expect(shallow.status).toBe(200);
  });

  it('a filter with 32k values (too many SQL variables on SQLite)', async () => {
    const values = manyValues(32_000);
    for (const [path, body] of [
      ['/entities/by-query', { query: { 'metadata.name': { $in: values } } }],
      ['/entities/by-query', { query: { $any: values.map((name) => ({ 'metadata.name': name })) } }],
      ['/entity-facets', { facets: ['kind'], query: { 'metadata.name': { $in: values } } }],
      [
        '/entities/by-refs',
        { entityRefs: ['component:default/fine'], query: { 'metadata.name': { $in: values } } },
      ],
    ] as const) {
      expectInputError(await catalog.send('POST', path, body), /maxFilterValues/);
    }
    const filter = manyValues(1500).map((name) => `metadata.name=${name}`);
    const big = await raw('POST', `/entities/by-refs?filter=${filter.join(',')}`, '{"entityRefs":[]}');
    expect([400, 431]).toContain(big.status);
    expectInputError(
      await catalog.send('POST', '/entities/by-refs', { entityRefs: manyValues(20_000) }),
      /maxEntityRefs/,
    );
    expectInputError(await catalog.send('POST', '/entity-facets', { facets: manyValues(1000) }), /maxFacets/);
  });

  it('a NUL character in a path parameter, a filter value, a ref or a location', async () => {
    for (const path of [
      '/entities/by-name/component/default/a%00b',
      '/entities/by-name/component/default/a%00b/ancestry',
      '/entities/by-uid/a%00b',
      '/entities?filter=metadata.name=a%00b',
      '/entities/by-query?filter=metadata.name=a%00b',
      '/entity-facets?facet=kind&filter=metadata.name=a%00b',
      '/entity-facets?facet=a%00b',
      '/locations/a%00b',
      '/locations/by-entity/component/default/a%00b',
    ]) {
      expectInputError(await catalog.get(path), /NUL/);
    }
    for (const [method, path, body] of [
      ['POST', '/entities/by-refs', { entityRefs: ['component:default/a\u0000b'] }],
      ['POST', '/entities/by-query', { query: { 'metadata.name': 'a\u0000b' } }],
      ['POST', '/entities/by-query', { query: { 'metadata.a\u0000b': 'x' } }],
      ['POST', '/refresh', { entityRef: 'component:default/a\u0000b' }],
      ['POST', '/locations', { type: 'url', target: 'https://example.com/a\u0000b' }],
      ['POST', '/locations?dryRun=true', { type: 'url', target: 'https://example.com/a\u0000b' }],
      ['PUT', '/locations/a%00b', { type: 'url', target: 'https://example.com/x' }],
      ['DELETE', '/entities/by-uid/a%00b', undefined],
      ['DELETE', '/locations/a%00b', undefined],
    ] as const) {
      expectInputError(await catalog.send(method, path, body), /NUL/);
    }
    expect((await catalog.get('/locations')).body).toEqual([]);
  });

  it('an entity with a NUL character is refused; the rest of its file is ingested', async () => {
    const { body } = await catalog.get('/entities?filter=kind=component&fields=metadata.name');
    expect(body).toEqual([{ metadata: { name: 'fine' } }]);
    const validated = await catalog.send('POST', '/validate-entity', {
      location: 'url:https://example.com/catalog-info.yaml',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x', description: 'a\u0000b' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      },
    });
    expect(validated.status).toBe(400);
    expect(validated.body.errors[0].message).toMatch(/metadata\.description contains the NUL character/);
  });

  it('cursors with -1e308, NaN, huge or non-numeric positions and totals', async () => {
    const sorted = [{ field: 'metadata.name', order: 'asc' }];
    for (const bad of ['-1e308', '1e308', '"abc"', '1.5', '-1', '18446744073709551616', 'null', '{}']) {
      for (const cursor of [
        `{"orderFields":[],"isPrevious":false,"orderFieldValues":[${bad}]}`,
        `{"orderFields":${JSON.stringify(sorted)},"isPrevious":false,"orderFieldValues":["fine",${bad}]}`,
        `{"orderFields":${JSON.stringify(sorted)},"isPrevious":false,"orderFieldValues":[${bad},1]}`,
        `{"orderFields":[],"isPrevious":false,"totalItems":${bad}}`,
        `{"orderFields":[],"isPrevious":false,"firstSortFieldValues":[${bad}],"orderFieldValues":[1]}`,
      ]) {
        // A sort value may be a string or null; everything else here is malformed.
        if (cursor.includes(`[${bad},1]`) && (bad === '"abc"' || bad === 'null')) continue;
        const answer = await catalog.get(`/entities/by-query?cursor=${encodeURIComponent(b64(cursor))}`);
        expectInputError(answer, /[Cc]ursor/);
      }
    }
    for (const text of ['NaN', '{"orderFields":[],"isPrevious":false,"orderFieldValues":[NaN]}', '%%%']) {
      expectInputError(
        await catalog.get(`/entities/by-query?cursor=${encodeURIComponent(b64(text))}`),
        /[Cc]ursor/,
      );
    }
    for (const after of ['{"limit":1,"offset":-1}', '{"limit":1e308}', '{"offset":1.5}', '[]', 'null']) {
      expectInputError(await catalog.get(`/entities?after=${encodeURIComponent(b64(after))}`), /cursor/);
    }
    for (const cursor of ['{"offset":-1}', '{"offset":1e308}', '{"offset":0,"query":5}', '5']) {
      expectInputError(
        await catalog.send('POST', '/locations/by-query', { cursor: b64(cursor) }),
        /[Cc]ursor|query/,
      );
    }
  });

  it('location targets longer than the limit', async () => {
    const target = `https://example.com/${'x'.repeat(10_000)}`;
    expectInputError(
      await catalog.send('POST', '/locations', { type: 'url', target }),
      /maxLocationTargetBytes/,
    );
  });
});
