import type { Entity } from '@atrium/catalog-model';
import { describe, expect, it } from 'vitest';
import { buildSearchRows, NULL_VALUE } from './build-search-rows.js';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'Web',
    uid: 'u-1',
    etag: 'e',
    tags: ['java', 'Java-X'],
    annotations: { 'backstage.io/x': 'Y'.repeat(201) },
  },
  spec: { type: 'Service', owner: null as unknown as string, nested: [{ a: 1 }, { a: true }] },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
  status: { items: [{ type: 't', level: 'error', message: 'm' }] },
};

describe('search rows', () => {
  const rows = buildSearchRows(7, entity);
  const find = (key: string) => rows.filter((row) => row.key === key).map((row) => [row.value, row.original]);

  it('index every leaf lowercased, array items also as <path>.<item>, specials and relations', () => {
    expect(find('kind')).toEqual([['component', 'Component']]);
    expect(find('metadata.name')).toEqual([['web', 'Web']]);
    expect(find('metadata.namespace')).toEqual([
      [NULL_VALUE, null],
      ['default', null],
    ]);
    expect(find('metadata.tags')).toEqual([
      ['java', null],
      ['java-x', 'Java-X'],
    ]);
    expect(find('metadata.tags.java-x')).toEqual([['true', null]]);
    expect(find('spec.nested.a')).toEqual([
      ['1', null],
      ['true', null],
    ]);
    expect(find('relations.ownedby')).toEqual([['group:default/team', null]]);
    expect(rows.every((row) => row.entityId === 7 && row.kind === 'component')).toBe(true);
  });

  it('skip output-only data and keep long or null values as existence only', () => {
    expect(find('metadata.etag')).toEqual([]);
    expect(find('status.items.message')).toEqual([]);
    expect(find('metadata.annotations.backstage.io/x')).toEqual([[NULL_VALUE, null]]);
    expect(find('spec.owner')).toEqual([[NULL_VALUE, null]]);
  });

  it('refuse keys that differ only in case', () => {
    const bad = { ...entity, spec: { Type: 'a', type: 'b' } };
    expect(() => buildSearchRows(1, bad)).toThrowError(/differ only in casing/);
  });
});
