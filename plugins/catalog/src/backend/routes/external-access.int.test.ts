import { join } from 'node:path';
import { testDatabaseVariants } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

const token = (name: string) => `${name}-token-0123456789`;

describe.each(testDatabaseVariants())('external access restrictions on the catalog (%s)', (database) => {
  let catalog: TestCatalog;
  let locationId: string;
  let dir: string;
  beforeAll(async () => {
    dir = copyFixture('catalog');
    catalog = await startCatalog({
      database,
      catalog: { allowedFileRoots: [dir] },
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: token('entity-reader'), subject: 'entity-reader' },
              accessRestrictions: [{ plugin: 'catalog', permission: 'catalog.entity.read' }],
            },
            {
              type: 'static',
              options: { token: token('reader'), subject: 'reader' },
              accessRestrictions: [{ plugin: 'catalog', permissionAttribute: { action: 'read' } }],
            },
            {
              type: 'static',
              options: { token: token('janitor'), subject: 'janitor' },
              accessRestrictions: [
                // A location is visible only with its Location entity (catalog.entity.read).
                {
                  plugin: 'catalog',
                  permission: ['catalog.entity.read', 'catalog.location.read', 'catalog.location.delete'],
                },
              ],
            },
          ],
        },
      },
    });
    const created = await catalog.send('POST', '/locations', {
      type: 'file',
      target: join(dir, 'catalog-info.yaml'),
    });
    expect(created.status).toBe(201);
    locationId = created.body.location.id;
  });
  afterAll(() => catalog.stop());

  it('lets a token restricted to catalog.entity.read read entities but not register or delete locations', async () => {
    const as = token('entity-reader');
    expect((await catalog.get('/entities', as)).status).toBe(200);
    const register = await catalog.send(
      'POST',
      '/locations',
      { type: 'file', target: join(dir, 'domain.yaml') },
      as,
    );
    expect(register.status).toBe(403);
    expect((await catalog.send('DELETE', `/locations/${locationId}`, undefined, as)).status).toBe(403);
    expect((await catalog.get(`/locations/${locationId}`)).status).toBe(200);
  });

  it('lets a read-action token read locations but not change them', async () => {
    const as = token('reader');
    expect((await catalog.get(`/locations/${locationId}`, as)).status).toBe(200);
    expect((await catalog.send('DELETE', `/locations/${locationId}`, undefined, as)).status).toBe(403);
  });

  it('lets a token with catalog.location.delete delete, the control for the refusals above', async () => {
    const as = token('janitor');
    expect((await catalog.send('DELETE', `/locations/${locationId}`, undefined, as)).status).toBe(204);
    expect((await catalog.get(`/locations/${locationId}`)).status).toBe(404);
  });
});
