import { join } from 'node:path';
import { coreServices, defineServiceFactory, type PermissionPolicy } from '@atrium/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

const type = 'catalog-entity';
const policy: PermissionPolicy = {
  async handle({ permission }) {
    if (permission.name === 'catalog.entity.read') {
      return {
        result: 'CONDITIONAL',
        pluginId: 'catalog',
        resourceType: type,
        conditions: {
          anyOf: [
            { rule: 'IS_ENTITY_KIND', resourceType: type, params: { kinds: ['Component'] } },
            {
              allOf: [
                { rule: 'HAS_SPEC', resourceType: type, params: { key: 'type', value: 'openapi' } },
                { not: { rule: 'HAS_LABEL', resourceType: type, params: { label: 'secret' } } },
              ],
            },
          ],
        },
      };
    }
    if (permission.name === 'catalog.entity.delete') {
      return {
        result: 'CONDITIONAL',
        pluginId: 'catalog',
        resourceType: type,
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: type,
          params: { claims: ['user:default/jdoe'] },
        },
      };
    }
    return permission.name === 'catalog.location.create' ? { result: 'DENY' } : { result: 'ALLOW' };
  },
};

describe('permissions with a conditional policy', () => {
  let catalog: TestCatalog;
  beforeAll(async () => {
    const dir = copyFixture('catalog');
    catalog = await startCatalog({
      database: 'sqlite',
      catalog: {
        locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
      features: [
        defineServiceFactory({ service: coreServices.permissionPolicy, deps: {}, factory: () => policy }),
      ],
    });
    await catalog.waitFor(
      async () => (await catalog.get('/entities/by-query?limit=0')).body.totalItems === 4,
    );
  });
  afterAll(() => catalog.stop());

  it('omits what the caller may not read from lists, facets and counts', async () => {
    const page = await catalog.get('/entities/by-query?limit=50&fields=kind,metadata.name');
    expect(page.body.items.map((e: { metadata: { name: string } }) => e.metadata.name).sort()).toEqual([
      'Web-Frontend',
      'ledger-service',
      'payments',
      'payments-api',
    ]);
    expect((await catalog.get('/entities')).body).toHaveLength(4);
    const facets = await catalog.get('/entity-facets?facet=kind');
    expect(facets.body.facets.kind).toEqual([
      { value: 'API', count: 1 },
      { value: 'Component', count: 3 },
    ]);
  });

  it('answers 404 for single reads and null in by-refs', async () => {
    expect((await catalog.get('/entities/by-name/api/default/ledger')).status).toBe(404);
    expect((await catalog.get('/entities/by-name/api/default/payments')).status).toBe(200);
    expect((await catalog.get('/entities/by-name/group/default/platform/ancestry')).status).toBe(404);
    const refs = await catalog.send('POST', '/entities/by-refs', {
      entityRefs: ['group:default/platform', 'component:default/payments-api'],
    });
    expect(
      refs.body.items.map((e: { metadata: { name: string } } | null) => e?.metadata.name ?? null),
    ).toEqual([null, 'payments-api']);
  });

  it('applies resource decisions to deletions and basic decisions to location writes', async () => {
    const owned = (await catalog.get('/entities/by-name/component/default/ledger-service')).body;
    const other = (await catalog.get('/entities/by-name/component/default/payments-api')).body;
    expect((await catalog.send('DELETE', `/entities/by-uid/${other.metadata.uid}`)).status).toBe(403);
    expect((await catalog.send('DELETE', `/entities/by-uid/${owned.metadata.uid}`)).status).toBe(204);
    const denied = await catalog.send('POST', '/locations', {
      type: 'url',
      target: 'https://example.com/catalog-info.yaml',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe('NotAllowedError');
  });
});
