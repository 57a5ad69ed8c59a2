import { describe, expect, it } from 'vitest';
import { parseFieldsParam, projectFields } from './entity-fields.js';
import { normalizeFilter } from './entity-filter.js';
import { parseFilterParams } from './parse-filter-params.js';
import { predicateToFilter } from './predicate-to-filter.js';

describe('filter parameters', () => {
  it('ANDs conditions, ORs repeated keys within a set and ORs the sets', () => {
    expect(parseFilterParams(['kind=Component, spec.type=service,kind=API', 'metadata.tags.java'])).toEqual({
      anyOf: [
        {
          allOf: [
            { key: 'kind', values: ['component', 'api'] },
            { key: 'spec.type', values: ['service'] },
          ],
        },
        { key: 'metadata.tags.java' },
      ],
    });
    expect(parseFilterParams('metadata.labels.tier=')).toEqual({ key: 'metadata.labels.tier', values: [''] });
    expect(parseFilterParams(['', ' , '])).toBeUndefined();
    expect(() => parseFilterParams('=x')).toThrowError(/not a valid statement/);
  });

  it('merges an OR of one key into a single leaf', () => {
    expect(normalizeFilter(parseFilterParams(['kind=user', 'kind=group']) as never)).toEqual({
      key: 'kind',
      values: ['user', 'group'],
    });
  });
});

describe('predicates', () => {
  it('translate logical operators and value operators', () => {
    expect(
      predicateToFilter({
        $all: [
          { kind: 'Component', 'spec.type': { $in: ['service', 7] } },
          { $not: { 'metadata.tags': { $contains: { $any: ['java', 'go'] } } } },
        ],
      }),
    ).toEqual({
      allOf: [
        {
          allOf: [
            { key: 'kind', values: ['component'] },
            { key: 'spec.type', values: ['service', '7'] },
          ],
        },
        {
          not: {
            anyOf: [
              { key: 'metadata.tags', values: ['java'] },
              { key: 'metadata.tags', values: ['go'] },
            ],
          },
        },
      ],
    });
    expect(predicateToFilter({ 'metadata.name': { $hasPrefix: 'Pay' } })).toEqual({
      key: 'metadata.name',
      prefix: 'pay',
    });
    expect(
      predicateToFilter({ relations: { $contains: { type: 'ownedBy', targetRef: 'group:default/a' } } }),
    ).toEqual({
      key: 'relations.ownedby',
      values: ['group:default/a'],
    });
    expect(predicateToFilter({ 'spec.owner': { $exists: false } })).toEqual({ not: { key: 'spec.owner' } });
  });

  it('reject malformed predicates with the path', () => {
    expect(() => predicateToFilter('kind')).toThrowError(/at query: expected an object/);
    expect(() => predicateToFilter({ $all: {} })).toThrowError(/\$all expects an array/);
    expect(() => predicateToFilter({ $all: [], kind: 'x' })).toThrowError(/must be the only key/);
    expect(() => predicateToFilter({ kind: { $regex: 'x' } })).toThrowError(/unsupported operator \$regex/);
  });
});

describe('field projection', () => {
  const entity = {
    kind: 'Component',
    metadata: { name: 'x', annotations: { 'backstage.io/view-url': 'https://v', a: 'b' } },
    spec: { type: 'service' },
  };
  it('keeps dotted paths, resolving segments that contain dots greedily', () => {
    const fields = parseFieldsParam(['kind,metadata.annotations.backstage.io/view-url', 'spec.missing']);
    expect(projectFields(entity, fields as string[][])).toEqual({
      kind: 'Component',
      metadata: { annotations: { 'backstage.io/view-url': 'https://v' } },
    });
  });
  it('refuses bracket syntax', () => {
    expect(() => parseFieldsParam('metadata.tags[0]')).toThrowError(/array type fields are not supported/);
  });
});
