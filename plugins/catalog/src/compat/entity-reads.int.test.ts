import { join } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { expect, it } from 'vitest';
import { describeCompat, expectFailure } from './describe-compat.js';

const refOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();

describeCompat('single-entity reads', (compat) => {
  it('getEntityByRef returns the served envelope: casing kept, namespace defaulted, uid, etag', async () => {
    const entity = await compat().client.getEntityByRef('component:default/paymentgateway');
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'PaymentGateway',
        namespace: 'default',
        annotations: { 'acme.example/cost-center': 'payments-42' },
      },
      spec: { type: 'service', lifecycle: 'experimental', owner: 'user:alice' },
    });
    expect(entity?.metadata.uid).toEqual(expect.any(String));
    expect(entity?.metadata.etag).toEqual(expect.any(String));
    expect(Object.keys(entity ?? {}).sort()).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'relations']),
    );
  });

  it('keeps the apiVersion as written', async () => {
    const entity = await compat().client.getEntityByRef('api:platform/events');
    expect(entity?.apiVersion).toBe('backstage.io/v1beta1');
    expect((await compat().client.getEntityByRef('template:default/create-service'))?.apiVersion).toBe(
      'scaffolder.backstage.io/v1beta3',
    );
  });

  it('looks refs up case-insensitively, as strings or compound refs', async () => {
    const { client } = compat();
    expect((await client.getEntityByRef('COMPONENT:Default/Shop-Frontend'))?.metadata.name).toBe(
      'shop-frontend',
    );
    const compound = await client.getEntityByRef({
      kind: 'Component',
      namespace: 'default',
      name: 'PAYMENTGATEWAY',
    });
    expect(compound?.metadata.name).toBe('PaymentGateway');
    expect((await client.getEntityByName({ kind: 'user', namespace: 'default', name: 'bob' }))?.kind).toBe(
      'User',
    );
  });

  it('answers 404 for unknown refs, which the client turns into undefined', async () => {
    const { client } = compat();
    expect(await client.getEntityByRef('component:default/no-such-thing')).toBeUndefined();
    expect(await client.getEntityByRef('component:platform/shop-frontend')).toBeUndefined();
  });

  it('sets the managed-by annotations to the file and the registered root', async () => {
    const entity = await compat().client.getEntityByRef('component:default/shop-frontend');
    expect(entity?.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${join(compat().catalogDir, 'systems/shop.yaml')}`,
      'backstage.io/managed-by-origin-location': `file:${join(compat().catalogDir, 'root.yaml')}`,
      'backstage.io/techdocs-ref': 'dir:.',
    });
  });

  it('serves the same entity by uid, and 404 NotFoundError for an unknown uid', async () => {
    const entity = await compat().client.getEntityByRef('resource:default/shop-db');
    const byUid = await compat().fetch(`/entities/by-uid/${entity?.metadata.uid}`);
    expect(byUid.status).toBe(200);
    expect(await byUid.json()).toEqual(entity);
    const unknown = await compat().fetch('/entities/by-uid/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { name: string } }).error.name).toBe('NotFoundError');
  });

  it('getEntitiesByRefs keeps request order and gives undefined for unknown refs', async () => {
    const { items } = await compat().client.getEntitiesByRefs({
      entityRefs: ['component:default/shop-backend', 'component:default/missing', 'USER:default/Alice'],
    });
    expect(items.map((item) => item && refOf(item))).toEqual([
      'component:default/shop-backend',
      undefined,
      'user:default/alice',
    ]);
  });

  it('getEntitiesByRefs applies fields and a legacy filter', async () => {
    const refs = ['component:default/shop-backend', 'user:default/alice'];
    const projected = await compat().client.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['metadata.name'],
    });
    expect(projected.items).toEqual([
      { metadata: { name: 'shop-backend' } },
      { metadata: { name: 'alice' } },
    ]);
    const filtered = await compat().client.getEntitiesByRefs({ entityRefs: refs, filter: { kind: 'user' } });
    expect(filtered.items.map((item) => item?.metadata.name)).toEqual([undefined, 'alice']);
  });

  it('getEntitiesByRefs answers 400 to a malformed body', async () => {
    const response = await compat().fetch('/entities/by-refs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityRefs: 'component:default/shop-backend' }),
    });
    expect(response.status).toBe(400);
  });

  it('getEntityAncestors walks from the entity up through every location to the config location', async () => {
    const { rootEntityRef, items } = await compat().client.getEntityAncestors({
      entityRef: 'component:default/deep-worker',
    });
    const generated = `location:default/${compat().configLocationName}`;
    expect(rootEntityRef).toBe('component:default/deep-worker');
    expect(refOf(items[0]?.entity as Entity)).toBe('component:default/deep-worker');
    const parents = Object.fromEntries(items.map((item) => [refOf(item.entity), item.parentEntityRefs]));
    expect(parents).toEqual({
      'component:default/deep-worker': ['location:default/deeper'],
      'location:default/deeper': ['location:default/nested'],
      'location:default/nested': ['location:default/compat-root'],
      'location:default/compat-root': [generated],
      [generated]: [],
    });
    expect(items).toHaveLength(5);
  });

  it('getEntityAncestors fails with 404 NotFoundError for an unknown entity', async () => {
    await expectFailure(
      compat().client.getEntityAncestors({ entityRef: 'component:default/no-such-thing' }),
      404,
      'NotFoundError',
    );
  });
});
