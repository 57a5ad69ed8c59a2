import { join } from 'node:path';
import type { Location } from '@backstage/catalog-client';
import { expect, it, vi } from 'vitest';
import { generatedLocationName } from './compat-fixtures.js';
import { describeCompat, expectFailure } from './describe-compat.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The tests run in order and build on each other: dry run, register, read back, remove.
describeCompat('locations', (compat) => {
  let registered: Location | undefined;
  const target = () => `${compat().repo.url}/catalog-info.yaml`;

  it('addLocation dryRun processes the location without storing anything', async () => {
    const result = await compat().client.addLocation({ target: target(), dryRun: true });
    expect(result.exists).toBe(false);
    expect(result.location).toMatchObject({ type: 'url', target: target() });
    const name = generatedLocationName('url', target());
    const generated = result.entities.find((entity) => entity.kind === 'Location');
    expect(generated).toMatchObject({
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `url:${target()}`,
          'backstage.io/managed-by-origin-location': `url:${target()}`,
        },
      },
      spec: { type: 'url', target: target() },
    });
    expect(result.entities.map((entity) => entity.metadata.name)).toContain('registered-service');
    expect(await compat().client.getEntityByRef('component:default/registered-service')).toBeUndefined();
    expect((await compat().client.getLocations()).items.map((l) => l.target)).not.toContain(target());
  });

  it('addLocation dryRun answers 400 when processing fails', async () => {
    await expectFailure(
      compat().client.addLocation({ target: `${compat().repo.url}/invalid-entity.yaml`, dryRun: true }),
      400,
      'InputError',
    );
  });

  it('addLocation registers a url location: 201 with the Location and no entities yet', async () => {
    const result = await compat().client.addLocation({ target: target() });
    registered = result.location;
    expect(result.location).toEqual({
      id: expect.stringMatching(UUID),
      type: 'url',
      target: target(),
      entityRef: `location:default/${generatedLocationName('url', target())}`,
    });
    expect(result.entities).toEqual([]);
  });

  it('ingests the registered location asynchronously, with managed-by annotations', async () => {
    const entity = await vi.waitFor(
      async () => {
        const found = await compat().client.getEntityByRef('component:default/registered-service');
        if (!found) throw new Error('registered-service not ingested yet');
        return found;
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `url:${target()}`,
      'backstage.io/managed-by-origin-location': `url:${target()}`,
    });
  });

  it('reads the location back by id, in the list, by ref and by entity', async () => {
    const { client } = compat();
    expect(await client.getLocationById(registered?.id ?? '')).toEqual(registered);
    expect((await client.getLocations()).items).toContainEqual(registered);
    expect(await client.getLocationByRef(`url:${target()}`)).toEqual(registered);
    expect(await client.getLocationByEntity('component:default/registered-service')).toEqual(registered);
  });

  it('answers 404 (undefined) for unknown locations', async () => {
    const { client } = compat();
    expect(await client.getLocationById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await client.getLocationByEntity('component:default/no-such-thing')).toBeUndefined();
    expect(await client.getLocationByRef('url:https://example.com/nothing.yaml')).toBeUndefined();
  });

  it('reports an existing location in dry run, rejects a duplicate with 409, refreshes on request', async () => {
    const { client } = compat();
    expect((await client.addLocation({ target: target(), dryRun: true })).exists).toBe(true);
    await expectFailure(client.addLocation({ target: target() }), 409, 'ConflictError');
    const refreshed = await client.addLocation({ target: target(), onConflict: 'refresh' });
    expect(refreshed.location).toEqual(registered);
  });

  it('registers file locations only under catalog.allowedFileRoots', async () => {
    const { client } = compat();
    const outside = await expectFailure(
      client.addLocation({ type: 'file', target: join(compat().catalogDir, 'org.yaml') }),
      400,
      'InputError',
    );
    expect(outside.message).toContain('catalog.allowedFileRoots');
    const inside = await client.addLocation({
      type: 'file',
      target: join(compat().filesDir, 'file-registered.yaml'),
    });
    expect(inside.location).toMatchObject({ type: 'file', id: expect.stringMatching(UUID) });
    await vi.waitFor(
      async () => expect(await client.getEntityByRef('component:default/file-registered')).toBeDefined(),
      { timeout: 15_000, interval: 200 },
    );
  });

  it('rejects location types that are not allowed, and unknown body keys, with 400', async () => {
    await expectFailure(
      compat().client.addLocation({ type: 'github-org', target: 'https://github.com/acme' }),
      400,
      'InputError',
    );
    const response = await compat().fetch('/locations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'url', target: `${compat().repo.url}/conflict.yaml`, extra: true }),
    });
    expect(response.status).toBe(400);
  });

  it('answers 400 "Content-Type missing" to a body without a content type', async () => {
    // A byte body makes fetch send no Content-Type at all (a string would get text/plain).
    const response = await compat().fetch('/locations', {
      method: 'POST',
      body: new TextEncoder().encode(JSON.stringify({ type: 'url', target: target() })),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /content-type/i,
    );
  });

  it('queryLocations pages by cursor and filters with a predicate; streamLocations streams them', async () => {
    const { client } = compat();
    const first = await client.queryLocations({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.totalItems).toBeGreaterThanOrEqual(2);
    const second = await client.queryLocations({ cursor: first.pageInfo.nextCursor ?? '' });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const files = await client.queryLocations({ query: { type: 'file' } });
    expect(files.items.every((l) => l.type === 'file')).toBe(true);
    expect(files.items.map((l) => l.target)).toContain(join(compat().filesDir, 'file-registered.yaml'));
    const streamed: Location[] = [];
    for await (const page of client.streamLocations()) streamed.push(...page);
    expect(streamed.map((l) => l.id)).toContain(registered?.id);
  });

  it('removeLocationById unregisters the location and its entities', async () => {
    const { client } = compat();
    await client.removeLocationById(registered?.id ?? '');
    expect(await client.getLocationById(registered?.id ?? '')).toBeUndefined();
    await vi.waitFor(
      async () => expect(await client.getEntityByRef('component:default/registered-service')).toBeUndefined(),
      { timeout: 15_000, interval: 200 },
    );
  });

  it('removeLocationById also removes what its nested locations produced, in the same request', async () => {
    const { client } = compat();
    const treeTarget = `${compat().repo.url}/tree/catalog-info.yaml`;
    const { location } = await client.addLocation({ target: treeTarget });
    const leaf = await vi.waitFor(
      async () => {
        const found = await client.getEntityByRef('component:default/tree-leaf');
        if (!found?.relations?.length) throw new Error('tree-leaf not ingested yet');
        return found;
      },
      { timeout: 15_000, interval: 200 },
    );
    await client.removeLocationById(location.id);
    // Gone at once, not left for the processing loop: the request deletes them.
    const refs = [
      `location:default/${generatedLocationName('url', treeTarget)}`,
      'location:default/tree-nested',
      'component:default/tree-trunk',
      'component:default/tree-leaf',
    ];
    expect((await client.getEntitiesByRefs({ entityRefs: refs })).items).toEqual(refs.map(() => undefined));
    const byLeaf = await client.queryEntities({
      filter: { 'metadata.uid': leaf.metadata.uid ?? '' },
      limit: 0,
    });
    expect(byLeaf.totalItems).toBe(0);
    await expectFailure(client.refreshEntity('component:default/tree-leaf'), 404, 'NotFoundError');
  });
});
