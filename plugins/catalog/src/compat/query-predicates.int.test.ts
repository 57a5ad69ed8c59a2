import type { QueryEntitiesInitialRequest } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { describeCompat } from './describe-compat.js';

type FilterPredicate = NonNullable<QueryEntitiesInitialRequest['query']>;

const refOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();

// The client sends `query` through POST /entities/by-query (catalog contract §10.4, new).
describeCompat('queryEntities with predicates (POST /entities/by-query)', (compat) => {
  const refs = async (query: FilterPredicate) =>
    (await compat().client.queryEntities({ query, limit: 100 })).items.map(refOf).sort();

  it('combines $all, $in and case-insensitive equality', async () => {
    expect(
      await refs({ $all: [{ kind: 'Component' }, { 'spec.type': { $in: ['WEBSITE', 'library'] } }] }),
    ).toEqual(['component:default/shop-frontend', 'component:platform/deployer']);
  });

  it('supports $any and $not', async () => {
    expect(await refs({ $any: [{ 'metadata.name': 'alice' }, { 'metadata.name': 'team-c' }] })).toEqual([
      'group:default/team-c',
      'user:default/alice',
    ]);
    expect(await refs({ $all: [{ kind: 'user' }, { $not: { 'metadata.name': 'alice' } }] })).toEqual([
      'user:default/bob',
      'user:default/carol',
      'user:default/dave',
    ]);
  });

  it('supports $exists and $hasPrefix', async () => {
    expect(await refs({ 'spec.profile.email': { $exists: true } })).toEqual([
      'group:default/acme',
      'user:default/alice',
    ]);
    expect(await refs({ kind: 'component', 'metadata.name': { $hasPrefix: 'shop-' } })).toEqual([
      'component:default/shop-backend',
      'component:default/shop-frontend',
    ]);
  });

  it('supports $contains on an array of strings', async () => {
    expect(await refs({ 'metadata.tags': { $contains: 'pci' } })).toEqual([
      'component:default/paymentgateway',
    ]);
  });

  it('ANDs a legacy filter given together with a query', async () => {
    const page = await compat().client.queryEntities({
      filter: { kind: 'component' },
      query: { 'spec.lifecycle': 'experimental' },
    });
    expect(page.items.map(refOf)).toEqual(['component:default/paymentgateway']);
  });

  it('issues cursors with a `query` key and pages through them', async () => {
    const query = { kind: 'user' };
    const first = await compat().client.queryEntities({
      query,
      limit: 3,
      orderFields: { field: 'metadata.name', order: 'asc' },
    });
    expect(first.totalItems).toBe(4);
    const cursor = first.pageInfo.nextCursor ?? '';
    expect(Object.keys(JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as object)).toContain(
      'query',
    );
    const second = await compat().client.queryEntities({ cursor });
    expect(second.items.map(refOf)).toEqual(['user:default/dave']);
    expect(second.pageInfo.nextCursor).toBeUndefined();
  });

  it('filters getEntitiesByRefs and getEntityFacets with a query as well', async () => {
    const { items } = await compat().client.getEntitiesByRefs({
      entityRefs: ['user:default/alice', 'component:default/survivor'],
      query: { kind: 'component' },
    });
    expect(items.map((item) => item && refOf(item))).toEqual([undefined, 'component:default/survivor']);
    const { facets } = await compat().client.getEntityFacets({
      facets: ['spec.type'],
      query: { kind: 'api' },
    });
    expect(facets['spec.type']).toEqual([
      { value: 'asyncapi', count: 1 },
      { value: 'openapi', count: 1 },
    ]);
  });

  it('rejects a malformed predicate with 400 InputError', async () => {
    const response = await compat().fetch('/entities/by-query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: { $all: 'not-a-list' } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('InputError');
  });
});
