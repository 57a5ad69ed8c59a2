import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

const URL_TARGET = 'https://github.com/acme/web/blob/main/catalog-info.yaml';

describe.each(testDatabaseVariants())('location endpoints on %s', (database) => {
  let catalog: TestCatalog;
  let dir: string;
  beforeAll(async () => {
    dir = copyFixture('duplicates');
    mkdirSync(join(dir, 'a', 'no-descriptor'));
    catalog = await startCatalog({
      database,
      // Registration refuses what the server could not read: github.com must be allowed.
      backend: { reading: { allow: [{ host: 'github.com' }] } },
      catalog: { allowedFileRoots: [join(dir, 'a')] },
    });
  });
  afterAll(() => catalog.stop());

  it('registers, lists, reads, queries, updates and deletes a url location', async () => {
    const created = await catalog.send('POST', '/locations', { type: 'url', target: URL_TARGET });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      location: {
        id: expect.any(String),
        type: 'url',
        target: URL_TARGET,
        entityRef: expect.stringMatching(/^location:default\/generated-[0-9a-f]{40}$/),
      },
      entities: [],
    });
    const { id, entityRef } = created.body.location;
    expect((await catalog.get('/locations')).body).toContainEqual({ data: created.body.location });
    expect((await catalog.get(`/locations/${id}`)).body).toEqual(created.body.location);
    const query = await catalog.send('POST', '/locations/by-query', { query: { type: 'URL' }, limit: 10 });
    expect(query.body).toEqual({ items: [created.body.location], totalItems: 1, pageInfo: {} });
    const entity = await catalog.waitFor(async () => {
      const found = await catalog.get(`/entities/by-name/location/default/${entityRef.split('/')[1]}`);
      return found.status === 200 && found.body;
    });
    expect(entity.spec).toEqual({ type: 'url', target: URL_TARGET });
    expect((await catalog.send('POST', '/locations', { type: 'url', target: URL_TARGET })).status).toBe(409);
    expect(
      (await catalog.send('POST', '/locations?onConflict=refresh', { type: 'url', target: URL_TARGET }))
        .status,
    ).toBe(201);
    const moved = await catalog.send('PUT', `/locations/${id}`, { type: 'url', target: `${URL_TARGET}?v=2` });
    expect(moved.body).toMatchObject({ id, target: `${URL_TARGET}?v=2` });
    expect((await catalog.send('DELETE', `/locations/${id}`)).status).toBe(204);
    expect((await catalog.get(`/locations/${id}`)).status).toBe(404);
    expect((await catalog.send('DELETE', `/locations/${id}`)).status).toBe(404);
  });

  it('validates registrations: body shape, types and catalog.allowedFileRoots', async () => {
    expect(
      (await catalog.send('POST', '/locations', { type: 'url', target: URL_TARGET, extra: 1 })).status,
    ).toBe(400);
    const type = await catalog.send('POST', '/locations', { type: 'github-org', target: 'acme' });
    expect(type.status).toBe(400);
    const outside = await catalog.send('POST', '/locations', {
      type: 'file',
      target: join(dir, 'b/catalog-info.yaml'),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/outside catalog\.allowedFileRoots/);
  });

  it('dry-runs a file location without storing it', async () => {
    const target = join(dir, 'a/catalog-info.yaml');
    const dry = await catalog.send('POST', '/locations?dryRun=true', { type: 'file', target });
    expect(dry.status).toBe(201);
    expect(dry.body.exists).toBe(false);
    expect(dry.body.location).toMatchObject({ id: `file:${target}`, type: 'file', target });
    expect(dry.body.entities.map((e: { kind: string }) => e.kind).sort()).toEqual(['Component', 'Location']);
    expect((await catalog.get('/locations')).body).toEqual([]);
  });

  it('finds the registered location of an entity, and analyzes locations', async () => {
    const target = join(dir, 'a/catalog-info.yaml');
    const created = await catalog.send('POST', '/locations', { type: 'file', target });
    expect(created.status).toBe(201);
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-name/component/default/twin')).status === 200,
    );
    expect((await catalog.get('/locations/by-entity/component/default/twin')).body).toEqual(
      created.body.location,
    );
    expect((await catalog.get('/locations/by-entity/component/default/nope')).status).toBe(404);
    const analyzed = await catalog.send('POST', '/analyze-location', {
      location: { type: 'file', target: join(dir, 'a') },
    });
    expect(analyzed.body.existingEntityFiles).toEqual([
      {
        entity: expect.objectContaining({ kind: 'Component' }),
        isRegistered: true,
        location: { type: 'file', target },
      },
    ]);
    const missing = await catalog.send('POST', '/analyze-location', {
      location: { type: 'file', target: join(dir, 'a', 'no-descriptor') },
    });
    expect(missing.body.generateEntities[0].fields).toContainEqual(
      expect.objectContaining({ field: 'spec.owner', state: 'needsUserInput' }),
    );
    expect(
      (await catalog.send('POST', '/analyze-location', { location: { type: 'url', target: 'not a url' } }))
        .status,
    ).toBe(400);
    // Analysis reads what registration would, under the same rule.
    const outside = await catalog.send('POST', '/analyze-location', {
      location: { type: 'file', target: dir },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/outside catalog\.allowedFileRoots/);
  });
});

describe('readonly mode', () => {
  it('refuses location writes with 403 but allows dry runs', async () => {
    const catalog = await startCatalog({ database: 'sqlite', catalog: { readonly: true } });
    try {
      const created = await catalog.send('POST', '/locations', { type: 'url', target: URL_TARGET });
      expect(created.status).toBe(403);
      expect(created.body.error.name).toBe('NotAllowedError');
      expect((await catalog.send('DELETE', '/locations/x')).status).toBe(403);
      expect((await catalog.send('PUT', '/locations/x', { type: 'url', target: URL_TARGET })).status).toBe(
        403,
      );
    } finally {
      await catalog.stop();
    }
  });
});
