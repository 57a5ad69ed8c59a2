import type { Entity } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { catalogPermissionRules } from './catalog-permission-rules.js';
import { entityMatchesFilter } from './entity-matches-filter.js';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Web', labels: { Tier: 'front' }, annotations: { 'acme.io/long': 'x'.repeat(300) } },
  spec: { type: 'Service', owner: 'team-a', tags: ['Blue'] },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};
const rule = (name: string) => catalogPermissionRules.find((r) => r.name === name)!;

describe('entityMatchesFilter', () => {
  it('answers as the search index does: lowercased keys and values, prefixes, existence, logic', () => {
    expect(entityMatchesFilter(entity, { key: 'spec.type', values: ['service'] })).toBe(true);
    expect(entityMatchesFilter(entity, { key: 'spec.type', values: [] })).toBe(false);
    expect(entityMatchesFilter(entity, { key: 'metadata.namespace', values: ['default'] })).toBe(true);
    expect(entityMatchesFilter(entity, { key: 'spec.tags.blue' })).toBe(true);
    expect(entityMatchesFilter(entity, { key: 'metadata.name', prefix: 'we' })).toBe(true);
    // Too long to index: the key exists, but no value or prefix matches it.
    expect(entityMatchesFilter(entity, { key: 'metadata.annotations.acme.io/long' })).toBe(true);
    expect(entityMatchesFilter(entity, { key: 'metadata.annotations.acme.io/long', prefix: 'x' })).toBe(
      false,
    );
    expect(
      entityMatchesFilter(entity, {
        allOf: [{ key: 'kind', values: ['component'] }, { not: { key: 'metadata.labels.secret' } }],
      }),
    ).toBe(true);
    expect(entityMatchesFilter(entity, { anyOf: [] })).toBe(false);
  });

  it('is what the permission rules apply to one entity', () => {
    expect(rule('IS_ENTITY_OWNER').apply(entity, { claims: ['Group:default/Team-A'] })).toBe(true);
    expect(rule('IS_ENTITY_OWNER').apply(entity, { claims: ['group:default/team-b'] })).toBe(false);
    expect(rule('HAS_LABEL').apply(entity, { label: 'tier' })).toBe(true);
    expect(rule('HAS_SPEC').apply(entity, { key: 'type', value: 'SERVICE' })).toBe(true);
    expect(rule('IS_ENTITY_KIND').apply(entity, { kinds: ['API'] })).toBe(false);
  });

  it('matches nothing for an entity the index could not hold', () => {
    const clash = { ...entity, spec: { Type: 'a', type: 'b' } } as Entity;
    expect(entityMatchesFilter(clash, { key: 'kind' })).toBe(false);
  });
});
