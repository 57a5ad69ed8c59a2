import type { Entity } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { entityToDocument } from './entity-document.js';

describe('entityToDocument', () => {
  it('makes Backstage’s catalog document, with an API’s OpenAPI paths in its text', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'cart-api', title: 'Cart API', description: 'Carts.', tags: ['rest'] },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'team-checkout',
        definition: 'openapi: 3.0.0\npaths:\n  /carts:\n    get: {}\n  "/carts/{cartId}":\n    get: {}\n',
      },
    };
    expect(entityToDocument(entity)).toEqual({
      title: 'Cart API',
      text: 'Carts.\n/carts\n/carts/{cartId}',
      location: '/catalog/default/api/cart-api',
      authorization: { resourceRef: 'api:default/cart-api' },
      kind: 'API',
      namespace: 'default',
      name: 'cart-api',
      type: 'openapi',
      componentType: 'openapi',
      lifecycle: 'production',
      owner: 'team-checkout',
      tags: ['rest'],
    });
  });

  it('falls back to the name for the title and encodes the location', () => {
    const doc = entityToDocument({
      apiVersion: 'v1',
      kind: 'Group',
      metadata: { name: 'a b', namespace: 'Ops' },
    });
    expect(doc).toMatchObject({
      title: 'a b',
      text: '',
      location: '/catalog/ops/group/a%20b',
      componentType: 'other',
      owner: '',
    });
  });
});
