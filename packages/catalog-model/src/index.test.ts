import { describe, expect, it } from 'vitest';
import * as model from './index.js';

describe('@atrium/catalog-model entry point', () => {
  it('exports the public API', () => {
    for (const name of [
      'parseEntityRef',
      'stringifyEntityRef',
      'getCompoundEntityRef',
      'entityRefEquals',
      'parseLocationRef',
      'stringifyLocationRef',
      'createKindRegistry',
      'defineKind',
      'validateEntityEnvelope',
      'validateEntityFields',
      'deriveSpecRelations',
      'isSafeLinkUrl',
    ]) {
      expect(typeof (model as Record<string, unknown>)[name]).toBe('function');
    }
    expect(model.DEFAULT_NAMESPACE).toBe('default');
    expect(model.RELATION_OWNED_BY).toBe('ownedBy');
    expect(model.ANNOTATION_MANAGED_BY_LOCATION).toBe('backstage.io/managed-by-location');
    expect(model.ANNOTATION_MANAGED_BY_ORIGIN_LOCATION).toBe('backstage.io/managed-by-origin-location');
    expect(model.BUILTIN_KINDS).toHaveLength(9);
  });

  it('validates and relates a descriptor end to end', () => {
    const registry = model.createKindRegistry();
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout',
        namespace: 'shop',
        annotations: { [model.ANNOTATION_TECHDOCS_REF]: 'dir:.' },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a', providesApis: ['checkout-api'] },
    };
    expect(registry.validateEntity(entity)).toEqual([]);
    const { relations } = model.deriveSpecRelations(entity);
    expect(
      relations.map((relation) => `${relation.type}:${model.stringifyEntityRef(relation.target)}`),
    ).toEqual([
      'ownedBy:group:shop/team-a',
      'ownerOf:component:shop/checkout',
      'providesApi:api:shop/checkout-api',
      'apiProvidedBy:component:shop/checkout',
    ]);
  });
});
