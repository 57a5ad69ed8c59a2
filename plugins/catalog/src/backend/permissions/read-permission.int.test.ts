import { fileURLToPath } from 'node:url';
import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

// Used in place (never written to): the directory of a config location, so it is readable.
const OWNED = fileURLToPath(new URL('../__fixtures__/owned', import.meta.url));
const ALICE = 'user:default/alice';
const MALLORY = 'user:default/mallory';
const VISIBLE_URL = 'https://example.com/visible/catalog-info.yaml';
const HIDDEN_URL = 'https://example.com/hidden/catalog-info.yaml';
const type = 'catalog-entity';

// alice reads what her groups own, what is labelled public and the location at VISIBLE_URL;
// mallory reads nothing; everyone else (the test user) everything. All else is allowed.
const policy: PermissionPolicy = {
  async handle({ permission }, { credentials }) {
    const { principal } = credentials;
    const user = principal.type === 'user' ? principal.userEntityRef : undefined;
    if (permission.name !== 'catalog.entity.read') return { result: 'ALLOW' };
    if (user === MALLORY) return { result: 'DENY' };
    if (user !== ALICE || principal.type !== 'user') return { result: 'ALLOW' };
    return {
      result: 'CONDITIONAL',
      pluginId: 'catalog',
      resourceType: type,
      conditions: {
        anyOf: [
          { rule: 'IS_ENTITY_OWNER', resourceType: type, params: { claims: principal.ownershipEntityRefs } },
          { rule: 'HAS_LABEL', resourceType: type, params: { label: 'public' } },
          { rule: 'HAS_SPEC', resourceType: type, params: { key: 'target', value: VISIBLE_URL } },
        ],
      },
    };
  },
};

// What alice must never see, in any answer.
const HIDDEN = ['b-service', 'b-location', 'hidden-description-of-b', 'r-b', 'team-b', HIDDEN_URL];

describe.each(testDatabaseVariants())('every read path passes catalog.entity.read, on %s', (database) => {
  let catalog: TestCatalog;
  let alice: string;
  let mallory: string;
  const registered = {} as Record<
    'visible' | 'hidden' | 'file',
    { id: string; type: string; target: string; entityRef: string }
  >;
  const uids: Record<string, string> = {};

  const expectNothingHidden = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of HIDDEN) expect(text).not.toContain(secret);
    for (const { id } of [registered.hidden, registered.file]) expect(text).not.toContain(id);
  };

  beforeAll(async () => {
    catalog = await startCatalog({
      database,
      // Registration refuses what the server could not read: example.com must be allowed.
      backend: { reading: { allow: [{ host: 'example.com' }] } },
      catalog: {
        locations: [{ type: 'file', target: `${OWNED}/catalog-info.yaml` }],
        allowedFileRoots: [OWNED],
        rules: [{ allow: ALL_KINDS }],
      },
      features: [
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
      ],
    });
    alice = await catalog.backend.userToken(ALICE, [ALICE, 'group:default/team-a']);
    mallory = await catalog.backend.userToken(MALLORY);
    for (const [name, body] of [
      ['visible', { type: 'url', target: VISIBLE_URL }],
      ['hidden', { type: 'url', target: HIDDEN_URL }],
      ['file', { type: 'file', target: `${OWNED}/registered.yaml` }],
    ] as const) {
      const created = await catalog.send('POST', '/locations', body);
      expect(created.status).toBe(201);
      registered[name] = created.body.location;
    }
    // 8 from the config location, then 2 url Location entities and 3 from registered.yaml.
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 13,
    );
    for (const entity of (await catalog.get('/entities')).body)
      uids[entity.metadata.name] = entity.metadata.uid;
  });
  afterAll(() => catalog.stop());

  it('lists, counts, facets and reads only what the caller may read', async () => {
    const everything = await catalog.get('/entities?fields=metadata.name', alice);
    expect(everything.body.map((e: { metadata: { name: string } }) => e.metadata.name).sort()).toEqual(
      ['a-nested', 'a-service', 'owned-root', 'r-a', registered.visible.entityRef.split('/')[1]].sort(),
    );
    const reads = [
      await catalog.get('/entities', alice),
      await catalog.get('/entities/by-query?limit=100', alice),
      await catalog.send('POST', '/entities/by-query', { query: { kind: 'component' } }, alice),
      await catalog.get('/entity-facets?facet=metadata.name&facet=relations.ownedBy', alice),
      await catalog.send('POST', '/entity-facets', { facets: ['metadata.name', 'spec.target'] }, alice),
      await catalog.send(
        'POST',
        '/entities/by-refs',
        {
          entityRefs: ['component:default/b-service', 'location:default/b-location', 'component:default/r-b'],
        },
        alice,
      ),
    ];
    for (const read of reads) {
      expect(read.status).toBe(200);
      expectNothingHidden(read.body);
    }
    for (const path of [
      '/entities/by-name/component/default/b-service',
      '/entities/by-name/location/default/b-location/ancestry',
      `/entities/by-uid/${uids['b-service']}`,
    ]) {
      expect((await catalog.get(path, alice)).status).toBe(404);
    }
  });

  it('ancestry stops at parents the caller may not read', async () => {
    const nested = await catalog.get('/entities/by-name/component/default/a-nested/ancestry', alice);
    expect(nested.status).toBe(200);
    expect(nested.body.items).toEqual([
      { entity: expect.objectContaining({ kind: 'Component' }), parentEntityRefs: [] },
    ]);
    const service = await catalog.get('/entities/by-name/component/default/a-service/ancestry', alice);
    expect(
      service.body.items.map(
        (item: { entity: { metadata: { name: string } }; parentEntityRefs: string[] }) => [
          item.entity.metadata.name,
          item.parentEntityRefs,
        ],
      ),
    ).toEqual([
      ['a-service', ['location:default/owned-root']],
      ['owned-root', []],
    ]);
    expectNothingHidden(service.body);
    // The test user still sees the whole chain.
    expect(
      (await catalog.get('/entities/by-name/component/default/a-nested/ancestry')).body.items,
    ).toHaveLength(4);
  });

  it('refresh answers a hidden entity exactly as a missing one, and still checks catalog.entity.refresh', async () => {
    const hidden = await catalog.send(
      'POST',
      '/refresh',
      { entityRef: 'component:default/b-service' },
      alice,
    );
    const missing = await catalog.send(
      'POST',
      '/refresh',
      { entityRef: 'component:default/b-nothing' },
      alice,
    );
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.body.error.name).toBe(missing.body.error.name);
    expect(hidden.body.error.message.replace('b-service', 'X')).toBe(
      missing.body.error.message.replace('b-nothing', 'X'),
    );
    expect(
      (await catalog.send('POST', '/refresh', { entityRef: 'component:default/a-service' }, alice)).status,
    ).toBe(200);
    expect(
      (await catalog.send('POST', '/refresh', { entityRef: 'component:default/a-service' }, mallory)).status,
    ).toBe(404);
  });

  it('deleting an entity the caller may not read is a no-op answered as for a missing one', async () => {
    expect(
      (await catalog.send('DELETE', `/entities/by-uid/${uids['b-service']}`, undefined, alice)).status,
    ).toBe(204);
    expect((await catalog.get('/entities/by-name/component/default/b-service')).status).toBe(200);
  });

  it('locations are visible only with their Location entity: lists, totals, cursors, single reads, writes', async () => {
    const { visible, hidden, file } = registered;
    expect((await catalog.get('/locations', alice)).body).toEqual([{ data: visible }]);
    const page = await catalog.send('POST', '/locations/by-query', { limit: 1 }, alice);
    expect(page.body).toEqual({ items: [visible], totalItems: 1, pageInfo: {} });
    const typed = await catalog.send('POST', '/locations/by-query', { query: { type: 'url' } }, alice);
    expect(typed.body.totalItems).toBe(1);
    expect((await catalog.get(`/locations/${visible.id}`, alice)).status).toBe(200);
    for (const id of [hidden.id, file.id]) {
      const read = await catalog.get(`/locations/${id}`, alice);
      const missing = await catalog.get('/locations/00000000-0000-4000-8000-000000000000', alice);
      expect(read.status).toBe(404);
      expect(read.body.error.message.replace(id, 'X')).toBe(
        missing.body.error.message.replace('00000000-0000-4000-8000-000000000000', 'X'),
      );
      expect(
        (await catalog.send('PUT', `/locations/${id}`, { type: 'url', target: `${HIDDEN_URL}?x` }, alice))
          .status,
      ).toBe(404);
      expect((await catalog.send('DELETE', `/locations/${id}`, undefined, alice)).status).toBe(404);
    }
    expect((await catalog.get(`/locations/${hidden.id}`)).body.target).toBe(HIDDEN_URL);
    // r-a is alice's, but the location it came from is not; r-b is neither.
    expect((await catalog.get('/locations/by-entity/component/default/r-a')).body).toEqual(file);
    for (const name of ['r-a', 'r-b']) {
      const byEntity = await catalog.get(`/locations/by-entity/component/default/${name}`, alice);
      expect(byEntity.status).toBe(404);
      expect(byEntity.body.error.message).toBe(`No location found for entity component:default/${name}`);
    }
    expect((await catalog.get('/locations', mallory)).body).toEqual([]);
    expect((await catalog.send('POST', '/locations/by-query', {}, mallory)).body.totalItems).toBe(0);
  });

  it('dry runs and analysis return only entities the caller may read', async () => {
    const dry = await catalog.send(
      'POST',
      '/locations?dryRun=true',
      { type: 'file', target: `${OWNED}/registered.yaml` },
      alice,
    );
    expect(dry.status).toBe(201);
    expect(dry.body.entities.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual(['r-a']);
    // Registered, but alice may not read its Location entity: as if it were not.
    expect(dry.body.exists).toBe(false);
    expectNothingHidden(dry.body.entities);
    const asAdmin = await catalog.send('POST', '/locations?dryRun=true', {
      type: 'file',
      target: `${OWNED}/registered.yaml`,
    });
    expect(asAdmin.body.entities).toHaveLength(3);
    expect(asAdmin.body.exists).toBe(true);
    const tree = await catalog.send(
      'POST',
      '/locations?dryRun=true',
      { type: 'file', target: `${OWNED}/catalog-info.yaml` },
      alice,
    );
    expect(tree.body.entities.map((e: { metadata: { name: string } }) => e.metadata.name).sort()).toEqual([
      'a-nested',
      'a-service',
      'owned-root',
    ]);
    expectNothingHidden(tree.body);
    const analyzed = await catalog.send(
      'POST',
      '/analyze-location',
      { location: { type: 'file', target: OWNED }, catalogFilename: 'registered.yaml' },
      alice,
    );
    expect(analyzed.status).toBe(200);
    expect(
      analyzed.body.existingEntityFiles.map(
        (f: { entity: { metadata: { name: string } }; isRegistered: boolean }) => [
          f.entity.metadata.name,
          f.isRegistered,
        ],
      ),
    ).toEqual([['r-a', true]]);
    expectNothingHidden(analyzed.body);
    const denied = await catalog.send(
      'POST',
      '/analyze-location',
      { location: { type: 'file', target: OWNED }, catalogFilename: 'team-a.yaml' },
      mallory,
    );
    expect(denied.body.existingEntityFiles).toEqual([]);
  });

  it('a caller who may read nothing gets nothing from any route', async () => {
    const answers = [
      await catalog.get('/entities', mallory),
      await catalog.get('/entities/by-query', mallory),
      await catalog.get('/entity-facets?facet=kind', mallory),
      await catalog.send(
        'POST',
        '/entities/by-refs',
        { entityRefs: ['component:default/a-service'] },
        mallory,
      ),
      await catalog.get('/entities/by-name/component/default/a-service', mallory),
      await catalog.get('/entities/by-name/component/default/a-service/ancestry', mallory),
      await catalog.get('/locations/by-entity/component/default/r-a', mallory),
      await catalog.send(
        'POST',
        '/locations?dryRun=true',
        { type: 'file', target: `${OWNED}/team-a.yaml` },
        mallory,
      ),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 404, 404, 404, 201]);
    const [list, page, facets, refs, , , , dry] = answers;
    expect(list?.body).toEqual([]);
    expect(page?.body.items).toEqual([]);
    expect(facets?.body.facets.kind).toEqual([]);
    expect(refs?.body.items).toEqual([null]);
    expect(dry?.body.entities).toEqual([]);
  });
});
