import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { statusItems } from './compat-fixtures.js';
import { describeCompat, expectFailure } from './describe-compat.js';

describeCompat('refresh, delete, update, conflicts', (compat) => {
  it('refreshEntity makes an edited file visible without waiting for the processing interval', async () => {
    const { client, catalogDir } = compat();
    const before = await client.getEntityByRef('resource:default/shop-db');
    const file = join(catalogDir, 'systems/shop.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace("The shop's database.", 'Edited, then refreshed.'),
    );
    await client.refreshEntity('resource:default/shop-db');
    const after = await vi.waitFor(
      async () => {
        const entity = await client.getEntityByRef('resource:default/shop-db');
        expect(entity?.metadata.description).toBe('Edited, then refreshed.');
        return entity;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(after?.metadata.uid).toBe(before?.metadata.uid);
    expect(after?.metadata.etag).not.toBe(before?.metadata.etag);
  });

  it('refreshEntity accepts refs in any case, and fails with 404 NotFoundError for unknown ones', async () => {
    await compat().client.refreshEntity('Resource:Default/Shop-DB');
    await expectFailure(
      compat().client.refreshEntity('component:default/no-such-thing'),
      404,
      'NotFoundError',
    );
  });

  it('removeEntityByUid deletes the entity; its parent, still emitting it, brings it back with a new uid', async () => {
    const { client } = compat();
    const before = await client.getEntityByRef('component:default/survivor');
    await client.removeEntityByUid(before?.metadata.uid ?? '');
    expect((await compat().fetch(`/entities/by-uid/${before?.metadata.uid}`)).status).toBe(404);
    const back = await vi.waitFor(
      async () => {
        const entity = await client.getEntityByRef('component:default/survivor');
        if (!entity) throw new Error('survivor has not come back yet');
        return entity;
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(back.metadata.uid).not.toBe(before?.metadata.uid);
  });

  it('keeps the first writer when a second location emits the same entity, and says so', async () => {
    const { client } = compat();
    const target = `${compat().repo.url}/conflict.yaml`;
    const { location } = await client.addLocation({ target });
    const locationEntityRef = location.entityRef;
    const statusMessages = async () => {
      const entities = await client.getEntitiesByRefs({
        entityRefs: [locationEntityRef, 'component:default/shop-backend'],
      });
      return entities.items.flatMap((entity) => statusItems(entity));
    };
    await vi.waitFor(
      async () =>
        expect((await statusMessages()).some((item) => /conflict/i.test(item.message ?? ''))).toBe(true),
      { timeout: 15_000, interval: 200 },
    );
    const backend = await client.getEntityByRef('component:default/shop-backend');
    expect(backend?.metadata.description).toBe('Orders and carts.');
    expect(backend?.metadata.annotations?.['backstage.io/managed-by-location']).toBe(
      `file:${join(compat().catalogDir, 'systems/shop.yaml')}`,
    );
  });

  it('updateLocation changes the target of a registered location', async () => {
    const { client } = compat();
    const { location } = await client.addLocation({ target: `${compat().repo.url}/catalog-info.yaml` });
    const updated = await client.updateLocation(location.id, {
      type: 'url',
      target: `${compat().repo.url}/analyze/with-catalog/catalog-info.yaml`,
    });
    expect(updated).toMatchObject({
      id: location.id,
      type: 'url',
      target: `${compat().repo.url}/analyze/with-catalog/catalog-info.yaml`,
    });
    expect((await client.getLocationById(location.id))?.target).toBe(updated.target);
    await vi.waitFor(
      async () => expect(await client.getEntityByRef('component:default/analyzed-service')).toBeDefined(),
      { timeout: 15_000, interval: 200 },
    );
  });

  it('rejects unauthenticated requests with 401 AuthenticationError', async () => {
    const response = await compat().fetch('/entities', { token: null });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('AuthenticationError');
  });

  it('answers errors in the documented JSON shape', async () => {
    const response = await compat().fetch('/entities/by-name/component/default/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, Record<string, unknown>>;
    expect(body).toMatchObject({
      error: { name: 'NotFoundError', message: expect.any(String) },
      request: { method: 'GET' },
      response: { statusCode: 404 },
    });
    // As in Backstage: the URL under the plugin's mount point, without /api/catalog.
    expect(body.request?.url).toBe('/entities/by-name/component/default/nope');
  });

  it('names the URL under the mount point, query string included, in a 400 body', async () => {
    const response = await compat().fetch('/entities/by-query?filter=kind%3Dcomponent&limit=-1');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { name: string }; request: { url: string } };
    expect(body.error.name).toBe('InputError');
    expect(body.request.url).toBe('/entities/by-query?filter=kind%3Dcomponent&limit=-1');
  });
});
