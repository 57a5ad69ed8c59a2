import { CATALOG_FILTER_EXISTS, type EntityFilterQuery } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { FIXTURE_COMPONENTS } from './compat-fixtures.js';
import { describeCompat, expectFailure } from './describe-compat.js';

const refOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
const names = (items: readonly Entity[]) => items.map((e) => e.metadata.name);

describeCompat('getEntities (GET /entities)', (compat) => {
  const refs = async (filter: EntityFilterQuery) =>
    (await compat().client.getEntities({ filter })).items.map(refOf).sort();

  it('returns every entity as full entities when called without arguments', async () => {
    const { items } = await compat().client.getEntities();
    expect(items.length).toBeGreaterThanOrEqual(27);
    for (const entity of items) {
      expect(entity).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String) });
      expect(entity.metadata.uid).toEqual(expect.any(String));
    }
  });

  it('filters by kind, matching values case-insensitively', async () => {
    expect(await refs({ kind: 'component' })).toEqual(FIXTURE_COMPONENTS);
    expect(await refs({ kind: 'COMPONENT', 'spec.type': 'Service' })).toEqual([
      'component:default/deep-worker',
      'component:default/paymentgateway',
      'component:default/shop-backend',
      'component:default/survivor',
    ]);
  });

  it('ORs the values of one key and ORs filter sets', async () => {
    expect(await refs({ kind: ['api', 'resource'] })).toEqual([
      'api:default/orders-api',
      'api:platform/events',
      'resource:default/deep-queue',
      'resource:default/shop-db',
    ]);
    expect(
      await refs([
        { kind: 'user', 'metadata.name': 'alice' },
        { kind: 'group', 'spec.type': 'squad' },
      ]),
    ).toEqual(['group:default/team-c', 'user:default/alice']);
  });

  it('tests existence with CATALOG_FILTER_EXISTS, including keys with dots and slashes', async () => {
    expect(
      await refs({
        kind: 'component',
        'metadata.annotations.backstage.io/techdocs-ref': CATALOG_FILTER_EXISTS,
      }),
    ).toEqual(['component:default/shop-frontend']);
    expect(await refs({ 'metadata.annotations.github.com/project-slug': 'ACME/Shop-Frontend' })).toEqual([
      'component:default/shop-frontend',
    ]);
  });

  it('matches array items as `<path>.<item>` keys with value true (tags)', async () => {
    const java = ['component:default/paymentgateway', 'component:default/shop-backend'];
    expect(await refs({ 'metadata.tags.java': CATALOG_FILTER_EXISTS })).toEqual(java);
    expect(await refs({ 'metadata.tags.java': 'true' })).toEqual(java);
    expect(await refs({ 'metadata.tags': 'java' })).toEqual(java);
  });

  it('matches relations as relations.<type>=<targetRef>, type case-insensitive', async () => {
    const owned = [
      'component:default/shop-backend',
      'component:default/shop-frontend',
      'component:default/survivor',
    ];
    expect(await refs({ kind: 'component', 'relations.ownedBy': 'group:default/team-a' })).toEqual(owned);
    expect(await refs({ kind: 'component', 'relations.ownedby': 'GROUP:default/TEAM-A' })).toEqual(owned);
  });

  it('matches names and namespaces case-insensitively, keeping the stored casing', async () => {
    const { items } = await compat().client.getEntities({ filter: { 'metadata.name': 'PAYMENTGATEWAY' } });
    expect(names(items)).toEqual(['PaymentGateway']);
    expect(await refs({ 'metadata.namespace': 'Platform' })).toEqual([
      'api:platform/events',
      'component:platform/deployer',
      'system:platform/infra',
    ]);
  });

  it('prunes entities to the requested fields, resolving dotted annotation keys greedily', async () => {
    const { items } = await compat().client.getEntities({
      filter: { kind: 'component', 'metadata.name': 'shop-frontend' },
      fields: ['kind', 'metadata.name', 'metadata.annotations.backstage.io/techdocs-ref'],
    });
    expect(items).toEqual([
      {
        kind: 'Component',
        metadata: { name: 'shop-frontend', annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
      },
    ]);
    const missing = await compat().client.getEntities({ filter: { kind: 'user' }, fields: ['spec.nothing'] });
    expect(missing.items).toEqual([{}, {}, {}, {}]);
  });

  it('orders by one or more fields, ascending and descending', async () => {
    const users = await compat().client.getEntities({
      filter: { kind: 'user' },
      order: { field: 'metadata.name', order: 'desc' },
    });
    expect(names(users.items)).toEqual(['dave', 'carol', 'bob', 'alice']);
    const components = await compat().client.getEntities({
      filter: { kind: 'component' },
      order: [
        { field: 'spec.type', order: 'asc' },
        { field: 'metadata.name', order: 'asc' },
      ],
    });
    expect(names(components.items)).toEqual([
      'deployer',
      'deep-worker',
      'PaymentGateway',
      'shop-backend',
      'survivor',
      'shop-frontend',
    ]);
  });

  it('pages with offset and limit', async () => {
    const { items } = await compat().client.getEntities({
      filter: { kind: 'user' },
      order: { field: 'metadata.name', order: 'asc' },
      offset: 1,
      limit: 2,
    });
    expect(names(items)).toEqual(['bob', 'carol']);
  });

  it('links the next page with an `after` cursor that the client can send back', async () => {
    const response = await compat().fetch('/entities?filter=kind=user&order=asc:metadata.name&limit=2');
    expect(response.status).toBe(200);
    const link = response.headers.get('link') ?? '';
    expect(link).toMatch(/rel="next"/);
    const after = new URLSearchParams(/<([^>]*)>/.exec(link)?.[1]?.split('?')[1] ?? '').get('after');
    expect(after).toEqual(expect.any(String));
    const next = await compat().client.getEntities({
      filter: { kind: 'user' },
      order: { field: 'metadata.name', order: 'asc' },
      limit: 2,
      after: after ?? '',
    });
    expect(names(next.items)).toEqual(['carol', 'dave']);
  });

  it('rejects bad parameters with 400 InputError', async () => {
    const { client } = compat();
    await expectFailure(client.getEntities({ limit: 0 }), 400, 'InputError');
    await expectFailure(client.getEntities({ fields: ['metadata.tags[0]'] }), 400, 'InputError');
    await expectFailure(client.getEntities({ filter: { '': 'x' } }), 400, 'InputError');
    await expectFailure(
      client.getEntities({ order: { field: 'metadata.name', order: 'sideways' as 'asc' } }),
      400,
      'InputError',
    );
  });

  it('answers a service token as well as a user token', async () => {
    const service = compat().clientWithToken(await compat().backend.serviceToken('catalog'));
    expect((await service.getEntities({ filter: { kind: 'user' } })).items).toHaveLength(4);
  });
});
